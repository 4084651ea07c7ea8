import Foundation
import NIOCore
import VoiceMedia

public struct VoiceCall: Sendable, Codable, Equatable {
    public var id: String
    public var price: Double?
}

public struct Balance: Sendable, Codable, Equatable {
    public var amount: Double
    public var currency: String?
}

public struct MessageStatus: Sendable, Codable, Equatable {
    public var id: String
    public var status: String?
    public var error: String?
}

/// AlphaSMS: `voice.php` (multipart upload of a WAV per call) and `json.php` (balance, status).
public struct AlphaSMSClient: Sendable {
    public var baseURL: String
    let key: APIKey
    let transport: HTTPTransport

    public static let defaultBaseURL = "https://alphasms.ua"

    public init(baseURL: String = defaultBaseURL, key: APIKey, transport: HTTPTransport = .shared) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.key = key
        self.transport = transport
    }

    /// Queues a call playing `file` to `phone`. The file is checked against the
    /// provider's profile first: a file it would reject is never sent.
    public func voice(phone: String, file: String, hook: String? = nil, dtmf: Bool = false, profile: Profile = .alphasmsVoice) async throws -> VoiceCall {
        let number = try PhoneNumber.normalise(phone)
        if let hook { try Self.checkHook(hook) }
        let problems = ValidationCache.shared.errors(path: file, profile: profile)
        guard problems.isEmpty else { throw UploadError.rejectedLocally(file: file, problems: problems) }
        guard let audio = FileManager.default.contents(atPath: file) else { throw UploadError.invalidRequest("\(file): cannot read") }
        var fields: [FormData.Field] = [
            .init(name: "key", value: ByteBuffer(string: key.secret)),
            .init(name: "phone", value: ByteBuffer(string: number)),
            .init(name: "voice", value: ByteBuffer(bytes: audio), filename: (file as NSString).lastPathComponent, contentType: "audio/wav"),
        ]
        if let hook { fields.append(.init(name: "hook", value: ByteBuffer(string: hook))) }
        if dtmf { fields.append(.init(name: "dtmf", value: ByteBuffer(string: "1"))) }
        let form = try FormData.encode(fields)
        let reply = try await transport.post(baseURL + "/api/voice.php", contentType: form.contentType, body: form.body)
        let obj = try decodeObject(reply)
        if let errors = obj["errors"] as? [Any], let first = errors.first {
            throw UploadError.from(providerMessage: "\(first)")
        }
        guard let id = obj["id"].flatMap(Self.string) else { throw unexpected(reply) }
        return VoiceCall(id: id, price: obj["price"].flatMap(Self.number))
    }

    public func balance() async throws -> Balance {
        let item = try await jsonItems([["type": "balance"]]).first
        guard let data = item?["data"] as? [String: Any], let amount = data["amount"].flatMap(Self.number) else {
            throw UploadError.unexpectedResponse(status: 200, excerpt: "balance without an amount")
        }
        return Balance(amount: amount, currency: data["currency"] as? String)
    }

    public func status(ids: [String]) async throws -> [MessageStatus] {
        let items = try await jsonItems(ids.map { ["type": "status", "id": Int($0) as Any? ?? $0] })
        return zip(ids, items).map { id, item in
            let data = item["data"] as? [String: Any]
            return MessageStatus(id: data?["id"].flatMap(Self.string) ?? id, status: data?["status"] as? String,
                                 error: (item["success"] as? Bool) == false ? (item["error"] as? String ?? "error") : nil)
        }
    }

    /// The json.php envelope: `{auth, data:[…]}` in, `{success, data:[{success, data|error}]}` out.
    func jsonItems(_ messages: [[String: Any]]) async throws -> [[String: Any]] {
        let body = try JSONSerialization.data(withJSONObject: ["auth": key.secret, "data": messages])
        let reply = try await transport.post(baseURL + "/api/json.php", contentType: "application/json", body: ByteBuffer(bytes: body))
        let obj = try decodeObject(reply)
        if (obj["success"] as? Bool) == false {
            throw UploadError.from(providerMessage: obj["error"] as? String ?? "request failed")
        }
        guard let items = obj["data"] as? [[String: Any]] else { throw unexpected(reply) }
        return items
    }

    static func checkHook(_ hook: String) throws {
        guard let url = URL(string: hook), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host?.isEmpty == false else {
            throw UploadError.invalidRequest("--hook \(hook): must be an absolute http(s) URL, e.g. https://example.com/voice-hook")
        }
    }

    func decodeObject(_ reply: HTTPTransport.Reply) throws -> [String: Any] {
        if reply.status == 429 || reply.status == 503 {
            throw UploadError.retryLater(status: reply.status, after: reply.headers.first(name: "Retry-After").flatMap(Double.init))
        }
        guard let obj = (try? JSONSerialization.jsonObject(with: reply.body)) as? [String: Any] else { throw unexpected(reply) }
        return obj
    }

    func unexpected(_ reply: HTTPTransport.Reply) -> UploadError {
        let text = String(decoding: reply.body.prefix(200), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
        return .unexpectedResponse(status: reply.status, excerpt: key.redact(text.isEmpty ? "(empty body)" : text))
    }

    static func string(_ v: Any) -> String? {
        if let s = v as? String { return s }
        if let n = v as? NSNumber { return n.stringValue }
        return nil
    }

    static func number(_ v: Any) -> Double? {
        if let n = v as? NSNumber { return n.doubleValue }
        if let s = v as? String { return Double(s) }
        return nil
    }
}
