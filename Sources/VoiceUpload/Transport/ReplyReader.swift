import Foundation

/// Turns raw replies into JSON objects or typed errors, the same way for every endpoint:
/// 429/503 ask for a retry whatever the body says; anything that is not a JSON object
/// becomes `unexpectedResponse` with the status and a short, key-free excerpt.
struct ReplyReader: Sendable {
    let key: APIKey

    func object(_ reply: HTTPTransport.Reply) throws -> [String: Any] {
        if reply.status == 429 || reply.status == 503 {
            throw UploadError.retryLater(status: reply.status, after: Self.retryAfter(reply.headers.first(name: "Retry-After")))
        }
        guard let obj = (try? JSONSerialization.jsonObject(with: reply.body, options: [.fragmentsAllowed])) as? [String: Any] else {
            throw unexpected(reply)
        }
        return obj
    }

    func unexpected(_ reply: HTTPTransport.Reply, _ note: String? = nil) -> UploadError {
        .unexpectedResponse(status: reply.status, excerpt: note ?? excerpt(reply.body))
    }

    /// The first 160 characters of a body, on one line, with markup tags collapsed so an
    /// HTML error page reads as its text.
    func excerpt(_ body: Data) -> String {
        guard !body.isEmpty else { return "(empty body)" }
        var text = String(decoding: body.prefix(4096), as: UTF8.self)
        if text.contains("<") {
            text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        }
        text = text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression).trimmingCharacters(in: .whitespaces)
        text = key.redact(text)
        if text.isEmpty { return "(no readable text)" }
        return text.count > 160 ? String(text.prefix(160)) + "…" : text
    }

    /// Retry-After as seconds or an HTTP date.
    static func retryAfter(_ value: String?) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let s = Double(value) { return max(0, s) }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return f.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }
}

/// Values as providers send them: ids and amounts arrive as numbers or strings.
enum Loose {
    static func string(_ v: Any?) -> String? {
        if let n = v as? NSNumber, isBoolean(n) { return n.boolValue ? "true" : "false" }
        switch v {
        case let s as String: return s.isEmpty ? nil : s
        case let n as NSNumber:
            // Whole numbers print without ".0" (ids), fractional ones as they are.
            let d = n.doubleValue
            return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : n.stringValue
        default: return nil
        }
    }

    static func number(_ v: Any?) -> Double? {
        switch v {
        case let n as NSNumber: return n.doubleValue
        case let s as String: return Double(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    static func bool(_ v: Any?) -> Bool? {
        switch v {
        case let n as NSNumber: return n.intValue != 0
        case let s as String: return ["1", "true", "yes"].contains(s.lowercased()) ? true : ["0", "false", "no", ""].contains(s.lowercased()) ? false : nil
        default: return nil
        }
    }

    /// JSON `true`/`false` arrive as NSNumbers that also cast to Int (and 0/1 cast to
    /// Bool), so the boolean ones are told apart by their storage type.
    static func isBoolean(_ n: NSNumber) -> Bool {
        String(cString: n.objCType) == "c" && (n.intValue == 0 || n.intValue == 1)
    }

    /// An id as the JSON the provider expects: a number when it is one.
    static func idValue(_ id: String) -> Any { Int(id).map { $0 as Any } ?? id }
}

/// Site roots given with `--base-url`.
public enum BaseURL {
    /// Checks `raw` is an absolute http(s) URL and returns it without a trailing slash or
    /// the endpoint folder (`/api`, `/apiCalls`) people paste by habit.
    public static func normalise(_ raw: String, dropping folder: String) throws -> String {
        let s = folder.isEmpty ? raw : tidy(raw, dropping: folder)
        guard let url = URL(string: s), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty, url.query == nil else {
            throw UploadError.invalidRequest("base URL \"\(raw)\" is not an absolute http(s) URL of the site root, e.g. https://alphasms.ua")
        }
        return s
    }

    /// `raw` without trailing slashes or a pasted endpoint folder; not yet validated.
    public static func tidy(_ raw: String, dropping folder: String) -> String {
        var s = raw.trimmingCharacters(in: .whitespaces)
        while s.hasSuffix("/") { s.removeLast() }
        if s.lowercased().hasSuffix("/" + folder.lowercased()) { s.removeLast(folder.count + 1) }
        return s
    }

    /// `tidied` if it is an absolute http(s) URL, else `invalidRequest`.
    static func checked(_ tidied: String) throws -> String { try normalise(tidied, dropping: "") }

    /// A hook/webhook URL must be absolute http(s) with a host (the provider calls it).
    public static func checkHook(_ raw: String, flag: String = "--hook") throws {
        guard let url = URL(string: raw), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty, !raw.contains(" ") else {
            throw UploadError.invalidRequest("\(flag) \"\(raw)\" is not an absolute http(s) URL; give one such as https://example.com/voice-hook")
        }
    }
}
