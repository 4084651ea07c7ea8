import Foundation
import NIOCore
import VoiceMedia

public struct RecordInfo: Sendable, Codable, Equatable {
    public var id: String
    public var name: String?
    public var status: String?
    public var needsModeration: Bool
    public var moderatorComment: String?
    /// Calls with a record still awaiting moderation do not start.
    public var moderation: String { needsModeration ? "pending moderation (calls will not start until it is approved)" : (status ?? "ready") }
}

public struct CallInfo: Sendable, Codable, Equatable {
    public var id: String
    public var phone: String?
    public var status: String?
    public var dtmf: String?
    public var cost: Double?
}

public struct UserInfo: Sendable, Codable, Equatable {
    public var id: String?
    public var balance: Double?
}

/// The robocall service's `apiCalls/*` JSON API (createRecord, removeRecord, create, get, userInfo).
public struct ZvonobotClient: Sendable {
    public var baseURL: String
    let key: APIKey
    let transport: HTTPTransport

    public init(baseURL: String, key: APIKey, transport: HTTPTransport = .shared) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.key = key
        self.transport = transport
    }

    /// Uploads a WAV (validated against the profile first) or has the service voice `text`.
    public func createRecord(name: String, file: String? = nil, text: String? = nil, profile: Profile = .zvonobotRecord) async throws -> RecordInfo {
        let reply: HTTPTransport.Reply
        if let file {
            let problems = ValidationCache.shared.errors(path: file, profile: profile)
            guard problems.isEmpty else { throw UploadError.rejectedLocally(file: file, problems: problems) }
            guard let audio = FileManager.default.contents(atPath: file) else { throw UploadError.invalidRequest("\(file): cannot read") }
            let form = try FormData.encode([
                .init(name: "apiKey", value: ByteBuffer(string: key.secret)),
                .init(name: "name", value: ByteBuffer(string: name)),
                .init(name: "source", value: ByteBuffer(string: "file")),
                .init(name: "file", value: ByteBuffer(bytes: audio), filename: (file as NSString).lastPathComponent, contentType: "audio/wav"),
            ])
            reply = try await transport.post(baseURL + "/apiCalls/createRecord", contentType: form.contentType, body: form.body)
        } else if let text {
            reply = try await post("createRecord", ["name": name, "source": "text", "text": text])
        } else {
            throw UploadError.invalidRequest("createRecord needs a file or a text")
        }
        return try Self.record(try object(reply), reply: reply, redact: key.redact)
    }

    public func removeRecord(ids: [String]) async throws {
        _ = try object(try await post("removeRecord", ["idList": ids.map { Int($0) as Any? ?? $0 }]))
    }

    /// Starts calls playing record `recordID`. Returns one call per phone.
    public func create(recordID: String, phones: [String], outgoingPhone: String? = nil, plannedAt: Date? = nil, webhookURL: String? = nil) async throws -> [CallInfo] {
        let numbers = try phones.map { try PhoneNumber.normalise($0) }
        guard !numbers.isEmpty else { throw UploadError.missingPhone }
        if let webhookURL { try AlphaSMSClient.checkHook(webhookURL) }
        var body: [String: Any] = ["record": ["id": Int(recordID) as Any? ?? recordID]]
        if numbers.count == 1 { body["phone"] = numbers[0] } else { body["phones"] = numbers }
        if let outgoingPhone { body["outgoingPhone"] = try PhoneNumber.normalise(outgoingPhone) } else { body["dutyPhone"] = 1 }
        if let plannedAt { body["plannedAt"] = Int(plannedAt.timeIntervalSince1970) }
        if let webhookURL { body["webhookUrl"] = webhookURL }
        let reply = try await post("create", body)
        let obj = try object(reply)
        let list = (obj["data"] as? [[String: Any]]) ?? [obj]
        return try list.map { item in
            guard let id = item["id"].flatMap(AlphaSMSClient.string) else { throw unexpected(reply) }
            return CallInfo(id: id, phone: item["phone"].flatMap(AlphaSMSClient.string) ?? (numbers.count == 1 ? numbers[0] : nil), status: item["status"] as? String)
        }
    }

    public func get(ids: [String]) async throws -> [CallInfo] {
        let reply = try await post("get", ["apiCallIdList": ids.map { Int($0) as Any? ?? $0 }])
        let obj = try object(reply)
        let list = (obj["data"] as? [[String: Any]]) ?? [obj]
        return list.flatMap { call -> [CallInfo] in
            let id = call["id"].flatMap(AlphaSMSClient.string) ?? ""
            let calls = call["calls"] as? [[String: Any]] ?? []
            if calls.isEmpty { return [CallInfo(id: id, status: call["status"] as? String)] }
            return calls.map { c in
                CallInfo(id: id, phone: c["phone"].flatMap(AlphaSMSClient.string), status: c["status"] as? String,
                         dtmf: c["ivrDigit"].flatMap(AlphaSMSClient.string), cost: c["cost"].flatMap(AlphaSMSClient.number))
            }
        }
    }

    public func userInfo() async throws -> UserInfo {
        let obj = try object(try await post("userInfo", [:]))
        return UserInfo(id: obj["id"].flatMap(AlphaSMSClient.string), balance: obj["balance"].flatMap(AlphaSMSClient.number))
    }

    func post(_ method: String, _ fields: [String: Any]) async throws -> HTTPTransport.Reply {
        var body = fields
        body["apiKey"] = key.secret
        let data = try JSONSerialization.data(withJSONObject: body)
        return try await transport.post(baseURL + "/apiCalls/" + method, contentType: "application/json", body: ByteBuffer(bytes: data))
    }

    /// Decodes a reply; `{"status":"error", …}` and HTTP errors become typed errors.
    func object(_ reply: HTTPTransport.Reply) throws -> [String: Any] {
        if reply.status == 429 || reply.status == 503 {
            throw UploadError.retryLater(status: reply.status, after: reply.headers.first(name: "Retry-After").flatMap(Double.init))
        }
        guard let obj = (try? JSONSerialization.jsonObject(with: reply.body)) as? [String: Any] else { throw unexpected(reply) }
        if (obj["status"] as? String) == "error" || obj["error"] != nil || obj["errors"] != nil {
            let message = ((obj["data"] as? [String: Any])?["message"] as? String) ?? (obj["message"] as? String)
                ?? (obj["error"] as? String) ?? ((obj["errors"] as? [Any])?.first.map { "\($0)" }) ?? "error"
            throw UploadError.from(providerMessage: key.redact(message))
        }
        guard (200..<300).contains(reply.status) else { throw unexpected(reply) }
        return obj
    }

    func unexpected(_ reply: HTTPTransport.Reply) -> UploadError {
        let text = String(decoding: reply.body.prefix(200), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
        return .unexpectedResponse(status: reply.status, excerpt: key.redact(text.isEmpty ? "(empty body)" : text))
    }

    static func record(_ obj: [String: Any], reply: HTTPTransport.Reply, redact: (String) -> String) throws -> RecordInfo {
        let data = (obj["data"] as? [String: Any]) ?? obj
        guard let id = data["id"].flatMap(AlphaSMSClient.string) else {
            throw UploadError.unexpectedResponse(status: reply.status, excerpt: redact(String(decoding: reply.body.prefix(200), as: UTF8.self)))
        }
        let moderation: Bool
        if let b = data["needModeration"] as? Bool { moderation = b } else { moderation = (data["needModeration"].flatMap(AlphaSMSClient.number) ?? 0) != 0 }
        return RecordInfo(id: id, name: data["name"] as? String, status: data["status"] as? String, needsModeration: moderation,
                          moderatorComment: data["moderatorComment"] as? String)
    }
}
