import Foundation
import NIOCore
import VoiceMedia

/// AlphaSMS: `voice.php` (one multipart WAV upload per call, 001) and `json.php`
/// (balance and status, 002). AlphaSMS answers errors with HTTP 200, so every answer
/// is judged by its body.
public struct AlphaSMSClient: Sendable {
    public static let defaultBaseURL = "https://alphasms.ua"
    public static let keyVariable = "ALPHASMS_API_KEY"

    /// The site root; endpoints live under `/api/`. Checked on the first request, which
    /// throws `invalidRequest` for anything but an absolute http(s) URL.
    public let baseURL: String
    /// Local files are checked against this before upload.
    public var profile: Profile
    let key: APIKey
    let transport: HTTPTransport
    var reader: ReplyReader { ReplyReader(key: key) }

    public init(baseURL: String = defaultBaseURL, key: APIKey, profile: Profile = .alphasmsVoice, transport: HTTPTransport = .shared) {
        self.baseURL = BaseURL.tidy(baseURL, dropping: "api")
        self.key = key
        self.profile = profile
        self.transport = transport
    }

    /// Queues a call playing `request.file` to `request.phone`. The phone is normalised,
    /// the hook checked and the file validated against `profile` before anything is sent.
    public func voice(_ request: VoiceRequest) async throws -> VoiceCall {
        let phone = try PhoneNumber.normalise(request.phone)
        if let hook = request.hook { try BaseURL.checkHook(hook) }
        try LocalMedia.check(request.file, profile: profile)
        let audio = try LocalMedia.read(request.file)
        var fields: [FormData.Field] = [
            .text("key", key.secret),
            .text("phone", phone),
            .file("voice", audio, filename: request.file),
        ]
        if let hook = request.hook { fields.append(.text("hook", hook)) }
        if request.dtmf { fields.append(.text("dtmf", "1")) }
        let form = try FormData.encode(fields)
        let reply = try await transport.post(try BaseURL.checked(baseURL) + "/api/voice.php", contentType: form.contentType, body: form.body)
        return try Self.parseVoice(reply, reader: reader)
    }

    public func voice(phone: String, file: String, hook: String? = nil, dtmf: Bool = false) async throws -> VoiceCall {
        try await voice(VoiceRequest(phone: phone, file: file, hook: hook, dtmf: dtmf))
    }

    /// `{"id":…, "price":…}` or `{"errors":[…]}`, whatever the HTTP status.
    static func parseVoice(_ reply: HTTPTransport.Reply, reader: ReplyReader) throws -> VoiceCall {
        let obj = try reader.object(reply)
        if let errors = obj["errors"] {
            let list = (errors as? [Any])?.compactMap { Loose.string($0) } ?? [Loose.string(errors)].compactMap { $0 }
            throw UploadError.from(providerMessage: reader.key.redact(list.first ?? "unspecified error"))
        }
        guard let id = Loose.string(obj["id"]) else { throw reader.unexpected(reply) }
        return VoiceCall(id: id, price: Loose.number(obj["price"]))
    }

    public func balance() async throws -> Balance {
        let items = try await jsonItems([["type": "balance"]])
        guard let item = items.first else { throw UploadError.unexpectedResponse(status: 200, excerpt: "json.php answered no item for balance") }
        if let error = item.error { throw UploadError.from(providerMessage: error) }
        guard let amount = Loose.number(item.data["amount"]) else {
            throw UploadError.unexpectedResponse(status: 200, excerpt: "json.php balance without an amount")
        }
        return Balance(amount: amount, currency: Loose.string(item.data["currency"]))
    }

    /// Status of earlier messages by id, one result per id in the same order; an id the
    /// provider does not know comes back with its per-item error.
    public func status(ids: [String]) async throws -> [MessageStatus] {
        guard !ids.isEmpty else { return [] }
        let items = try await jsonItems(ids.map { ["type": "status", "id": Loose.idValue($0)] })
        guard items.count == ids.count else {
            throw UploadError.unexpectedResponse(status: 200, excerpt: "json.php answered \(items.count) items for \(ids.count) ids")
        }
        return zip(ids, items).map { id, item in
            MessageStatus(id: Loose.string(item.data["id"]) ?? id, status: Loose.string(item.data["status"]),
                          type: Loose.string(item.data["type"]), error: item.error)
        }
    }

    struct Item {
        var data: [String: Any]
        var error: String?
    }

    /// The json.php envelope: `{auth, data:[…]}` in, `{success, data:[{success, data|error}]}`
    /// out; a whole-request failure is `{"success": false, "error": …}`.
    func jsonItems(_ messages: [[String: Any]]) async throws -> [Item] {
        let body = try JSONSerialization.data(withJSONObject: ["auth": key.secret, "data": messages])
        let reply = try await transport.post(try BaseURL.checked(baseURL) + "/api/json.php", contentType: "application/json", body: ByteBuffer(bytes: body))
        let obj = try reader.object(reply)
        if Loose.bool(obj["success"]) == false {
            throw UploadError.from(providerMessage: key.redact(Loose.string(obj["error"]) ?? "request failed without a reason"))
        }
        guard let list = obj["data"] as? [Any] else { throw reader.unexpected(reply) }
        return list.map { element in
            let item = element as? [String: Any] ?? [:]
            let data = item["data"] as? [String: Any] ?? [:]
            let failed = Loose.bool(item["success"]) == false
            return Item(data: data, error: failed ? key.redact(Loose.string(item["error"]) ?? "failed") : nil)
        }
    }
}
