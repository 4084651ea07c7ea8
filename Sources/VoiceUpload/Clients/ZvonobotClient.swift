import Foundation
import NIOCore
import VoiceMedia

/// The robocall service's `apiCalls/*` API (004): createRecord, removeRecord, create,
/// get, userInfo. It runs on several domains, so there is no default base URL.
///
/// 004 shows success bodies only. Answers are read both bare and in the
/// `{"status": "success", "data": …}` envelope its other endpoints use; errors are read
/// from `{"status": "error", …}`, `error`/`errors`/`message` fields, whatever the HTTP status.
public struct ZvonobotClient: Sendable {
    public static let keyVariable = "ZVONOBOT_API_KEY"

    public let baseURL: String
    public var profile: Profile
    let key: APIKey
    let transport: HTTPTransport
    var reader: ReplyReader { ReplyReader(key: key) }

    /// `baseURL` is checked on the first request (absolute http(s) URL of the site root).
    public init(baseURL: String, key: APIKey, profile: Profile = .zvonobotRecord, transport: HTTPTransport = .shared) {
        self.baseURL = BaseURL.tidy(baseURL, dropping: "apiCalls")
        self.key = key
        self.profile = profile
        self.transport = transport
    }

    /// Uploads a WAV as a record (`source=file`, multipart). The file is validated
    /// against `profile` first: a file the service would reject is never sent.
    public func createRecord(name: String, file: String) async throws -> RecordInfo {
        try Self.checkName(name)
        try LocalMedia.check(file, profile: profile)
        let form = try FormData.encode([
            .text("apiKey", key.secret),
            .text("name", name),
            .text("source", "file"),
            .file("file", try LocalMedia.read(file), filename: file),
        ])
        let reply = try await transport.post(try endpoint("createRecord"), contentType: form.contentType, body: form.body)
        return try record(from: payload(reply), reply: reply)
    }

    /// Has the service voice `text` as a record (`source=text`, JSON as in 004's example).
    public func createRecord(name: String, text: String) async throws -> RecordInfo {
        try Self.checkName(name)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw UploadError.invalidRequest("the record text is empty") }
        let reply = try await post("createRecord", ["name": name, "source": "text", "text": text])
        return try record(from: payload(reply), reply: reply)
    }

    /// One entry point for both sources: exactly one of `file` and `text`.
    public func createRecord(name: String, file: String? = nil, text: String? = nil) async throws -> RecordInfo {
        switch (file, text) {
        case let (file?, nil): return try await createRecord(name: name, file: file)
        case let (nil, text?): return try await createRecord(name: name, text: text)
        default: throw UploadError.invalidRequest("a record comes from a file or a text: give exactly one")
        }
    }

    @discardableResult
    public func removeRecord(ids: [String]) async throws -> [RecordInfo] {
        guard !ids.isEmpty else { throw UploadError.invalidRequest("give at least one record id to remove") }
        let reply = try await post("removeRecord", ["idList": ids.map(Loose.idValue)])
        return try objects(payload(reply)).map { try record(from: $0, reply: reply) }
    }

    /// Creates a call playing record `request.recordID` to every phone (one call each).
    public func create(_ request: CallRequest) async throws -> [CreatedCall] {
        guard !request.phones.isEmpty else { throw UploadError.invalidRequest("give at least one phone to call") }
        let phones = try PhoneNumber.normalise(all: request.phones)
        if let hook = request.webhookURL { try BaseURL.checkHook(hook, flag: "webhookUrl") }
        var body: [String: Any] = ["record": ["id": Loose.idValue(request.recordID)]]
        if phones.count == 1 { body["phone"] = phones[0] } else { body["phones"] = phones }
        switch request.caller {
        case let .number(raw): body["outgoingPhone"] = try PhoneNumber.normalise(raw)
        case .duty: body["dutyPhone"] = 1
        }
        if let at = request.plannedAt { body["plannedAt"] = Int(at.timeIntervalSince1970) }
        if let hook = request.webhookURL { body["webhookUrl"] = hook }
        let reply = try await post("create", body)
        let list = try objects(payload(reply))
        return try list.map { item in
            guard let id = Loose.string(item["id"]) else { throw reader.unexpected(reply) }
            return CreatedCall(id: id, phone: Loose.string(item["phone"]) ?? (phones.count == 1 ? phones[0] : nil),
                               createdAt: Loose.number(item["createdAt"]).map { Int($0) }, plannedAt: Loose.number(item["plannedAt"]).map { Int($0) },
                               recordCost: Loose.number(item["recordCost"]))
        }
    }

    /// `create` with the caller as `outgoingPhone`, or a duty number when nil.
    public func create(recordID: String, phones: [String], outgoingPhone: String? = nil, plannedAt: Date? = nil,
                       webhookURL: String? = nil) async throws -> [CreatedCall] {
        try await create(CallRequest(recordID: recordID, phones: phones, caller: outgoingPhone.map { .number($0) } ?? .duty,
                                     plannedAt: plannedAt, webhookURL: webhookURL))
    }

    /// Status of calls by id: one entry per phone leg (`calls[]`) of each call.
    public func get(ids: [String]) async throws -> [CallInfo] {
        guard !ids.isEmpty else { return [] }
        guard ids.count <= 5000 else { throw UploadError.invalidRequest("apiCalls/get takes at most 5000 ids per request (got \(ids.count))") }
        let reply = try await post("get", ["apiCallIdList": ids.map(Loose.idValue)])
        return try objects(payload(reply)).flatMap { call -> [CallInfo] in
            guard let id = Loose.string(call["id"]) else { throw reader.unexpected(reply) }
            let legs = call["calls"] as? [[String: Any]] ?? []
            if legs.isEmpty { return [CallInfo(id: id, phone: Loose.string(call["phone"]), status: Loose.string(call["status"]))] }
            return legs.map { leg in
                let digit = Loose.string(leg["ivrDigit"])
                return CallInfo(id: id, phone: Loose.string(leg["phone"]), status: Loose.string(leg["status"]),
                                dtmf: digit == "-1" ? nil : digit, cost: Loose.number(leg["cost"]),
                                startedAt: Loose.number(leg["startedAt"]).map { Int($0) }, answeredAt: Loose.number(leg["answeredAt"]).map { Int($0) },
                                finishedAt: Loose.number(leg["finishedAt"]).map { Int($0) })
            }
        }
    }

    public func userInfo() async throws -> UserInfo {
        let reply = try await post("userInfo", [:])
        guard let obj = try objects(payload(reply)).first else { throw reader.unexpected(reply) }
        guard obj["balance"] != nil || obj["id"] != nil else { throw reader.unexpected(reply) }
        return UserInfo(id: Loose.string(obj["id"]), balance: Loose.number(obj["balance"]))
    }

    // MARK: plumbing

    func endpoint(_ method: String) throws -> String { try BaseURL.checked(baseURL) + "/apiCalls/" + method }

    func post(_ method: String, _ fields: [String: Any]) async throws -> HTTPTransport.Reply {
        var body = fields
        body["apiKey"] = key.secret
        let data = try JSONSerialization.data(withJSONObject: body)
        return try await transport.post(try endpoint(method), contentType: "application/json", body: ByteBuffer(bytes: data))
    }

    /// The answer's payload (`data` of the envelope, or the bare body), or its error.
    func payload(_ reply: HTTPTransport.Reply) throws -> Any {
        let obj = try reader.object(reply)
        let status = Loose.string(obj["status"])?.lowercased()
        let dataMessage = (obj["data"] as? [String: Any]).flatMap { Loose.string($0["message"]) ?? Loose.string($0["error"]) }
        if status == "error" || status == "fail" || obj["error"] != nil || obj["errors"] != nil || (obj["message"] != nil && obj["id"] == nil && obj["data"] == nil) {
            let message = dataMessage ?? Loose.string(obj["message"]) ?? Loose.string(obj["error"])
                ?? (obj["errors"] as? [Any])?.compactMap(Loose.string).first ?? (obj["errors"] as? [String: Any]).map { "\($0)" }
            throw UploadError.from(providerMessage: key.redact(message ?? "error without a message (HTTP \(reply.status))"))
        }
        guard (200..<300).contains(reply.status) else { throw reader.unexpected(reply) }
        if status == "success", let data = obj["data"] { return data }
        return obj
    }

    /// A payload as a list of objects: a single object becomes a one-element list.
    func objects(_ payload: Any) throws -> [[String: Any]] {
        if let list = payload as? [[String: Any]] { return list }
        if let one = payload as? [String: Any] { return [one] }
        if let list = payload as? [Any], list.isEmpty { return [] }
        throw UploadError.unexpectedResponse(status: 200, excerpt: "payload is neither an object nor a list of objects")
    }

    func record(from payload: Any, reply: HTTPTransport.Reply) throws -> RecordInfo {
        guard let obj = try objects(payload).first, let id = Loose.string(obj["id"]) else { throw reader.unexpected(reply) }
        return RecordInfo(id: id, name: Loose.string(obj["name"]), status: Loose.string(obj["status"]),
                          needsModeration: Loose.bool(obj["needModeration"]) ?? false, moderatorComment: Loose.string(obj["moderatorComment"]),
                          path: Loose.string(obj["path"]), cost: Loose.number(obj["cost"]), deletedAt: Loose.number(obj["deletedAt"]).map { Int($0) })
    }

    static func checkName(_ name: String) throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw UploadError.invalidRequest("a record needs a name (--name)") }
    }
}
