import Foundation

/// A provider's status report about one call, whatever shape it arrived in.
public struct CallReport: Sendable, Equatable {
    public var provider: String
    public var providerID: String
    public var phone: String?
    public var status: String?
    public var duration: Int?
    public var dtmf: String?
}

public enum WebhookError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String)
    case missingField(String)
    case unknownProvider(String)

    public var description: String {
        switch self {
        case let .unreadable(why): return "webhook body unreadable: \(why)"
        case let .missingField(f): return "webhook lacks the '\(f)' field"
        case let .unknownProvider(p): return "no webhook format for provider '\(p)' (expected alphasms or zvonobot)"
        }
    }
}

/// Parses AlphaSMS (id, phone, status, duration, dtmf as JSON, form or query) and
/// apiCalls (the `get` JSON: id and calls[{phone, status, ivrDigit, …}]) webhooks.
public enum WebhookParser {
    public static func parse(provider: String, body: Data, contentType: String?, query: [String: String]) throws -> [CallReport] {
        switch provider {
        case "alphasms": return [try alphaSMS(body: body, contentType: contentType, query: query)]
        case "zvonobot": return try apiCalls(body: body)
        default: throw WebhookError.unknownProvider(provider)
        }
    }

    static func alphaSMS(body: Data, contentType: String?, query: [String: String]) throws -> CallReport {
        var fields = query
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("{") {
            guard let obj = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { throw WebhookError.unreadable("invalid JSON") }
            for (k, v) in obj { fields[k] = stringValue(v) }
        } else if !text.isEmpty {
            guard contentType?.contains("json") != true else { throw WebhookError.unreadable("invalid JSON") }
            for pair in text.split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0) }
                if kv.count == 2 { fields[kv[0]] = kv[1] } else { throw WebhookError.unreadable("neither JSON nor a form") }
            }
        }
        guard let id = fields["id"], !id.isEmpty else { throw WebhookError.missingField("id") }
        guard id.allSatisfy({ $0.isNumber || $0.isLetter || $0 == "-" }) else { throw WebhookError.unreadable("id '\(id.prefix(40))' is not an id") }
        return CallReport(provider: "alphasms", providerID: id, phone: fields["phone"], status: fields["status"],
                          duration: fields["duration"].flatMap { Int($0) }, dtmf: fields["dtmf"].flatMap { $0.isEmpty ? nil : $0 })
    }

    static func apiCalls(body: Data) throws -> [CallReport] {
        guard let obj = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { throw WebhookError.unreadable("invalid JSON") }
        guard let id = obj["id"].flatMap(stringValue) else { throw WebhookError.missingField("id") }
        let calls = obj["calls"] as? [[String: Any]] ?? []
        if calls.isEmpty { return [CallReport(provider: "zvonobot", providerID: id, phone: nil, status: obj["status"].flatMap(stringValue), duration: nil, dtmf: nil)] }
        return calls.map { c in
            var duration: Int?
            if let a = c["answeredAt"].flatMap(stringValue).flatMap(Int.init), let f = c["finishedAt"].flatMap(stringValue).flatMap(Int.init), f >= a { duration = f - a }
            let digit = c["ivrDigit"].flatMap(stringValue)
            return CallReport(provider: "zvonobot", providerID: id, phone: c["phone"].flatMap(stringValue), status: c["status"].flatMap(stringValue),
                              duration: duration, dtmf: digit == "" || digit == "-1" ? nil : digit)
        }
    }

    static func stringValue(_ v: Any) -> String? {
        switch v {
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        case is NSNull: return nil
        default: return nil
        }
    }
}
