import AsyncHTTPClient
import Crypto
import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import VoiceMedia

/// The request context, with the connection, so the drop fault can close it.
public struct SandboxContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// A local stand-in for both providers: the same endpoints, request and response
/// shapes and error strings, a balance that paid calls draw down, webhooks, and
/// injectable faults. The README demo and the tests run against it.
public struct Sandbox: Sendable {
    public let config: SandboxConfig
    public let state: SandboxState

    public init(config: SandboxConfig = .init()) {
        self.config = config
        state = SandboxState(balance: config.balance, seed: config.seed)
    }

    struct Dropped: Error {}

    public func router() -> Router<SandboxContext> {
        let router = Router(context: SandboxContext.self)
        let sandbox = self
        router.post("api/voice.php") { request, context in try await sandbox.faulty(request, context) { body in try await sandbox.voice(request, body) } }
        router.post("api/json.php") { request, context in try await sandbox.faulty(request, context) { body in try await sandbox.json(body) } }
        router.post("apiCalls/:method") { request, context in
            let method = context.parameters.get("method") ?? ""
            return try await sandbox.faulty(request, context) { body in try await sandbox.apiCalls(method, request, body) }
        }
        router.get("_sandbox/stats") { _, _ in try Sandbox.json(await sandbox.state.stats()).response(slowMs: 0) }
        return router
    }

    /// Reads the whole request, then applies the configured faults before any processing:
    /// a 500 or a dropped connection never charges.
    func faulty(_ request: Request, _ context: SandboxContext, _ handle: (Data) async throws -> Reply) async throws -> Response {
        var buffer = try await request.body.collect(upTo: config.alphaProfile.maxSize + (4 << 20))
        let body = Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
        if config.latencyMs > 0 { try await Task.sleep(for: .milliseconds(config.latencyMs)) }
        if config.failRate > 0, await state.draw() < config.failRate {
            return Response(status: .internalServerError, body: .init(byteBuffer: ByteBuffer(string: "<html><body>500 Internal Server Error</body></html>")))
        }
        if config.dropRate > 0, await state.draw() < config.dropRate {
            // Close the connection with the request read and nothing answered.
            try await context.channel.close(mode: .all)
            throw Dropped()
        }
        return try await handle(body).response(slowMs: config.slowBodyMs)
    }

    /// A finished answer; turned into a Response last so the slow-body fault can pace it.
    struct Reply {
        var status: HTTPResponse.Status
        var body: ByteBuffer

        func response(slowMs: Int) -> Response {
            let headers: HTTPFields = [.contentType: "application/json"]
            guard slowMs > 0 else { return Response(status: status, headers: headers, body: .init(byteBuffer: body)) }
            let bytes = body
            return Response(status: status, headers: headers, body: ResponseBody(contentLength: bytes.readableBytes) { writer in
                var b = bytes
                while b.readableBytes > 0, let chunk = b.readSlice(length: min(16, b.readableBytes)) {
                    try await writer.write(chunk)
                    try await Task.sleep(for: .milliseconds(slowMs))
                }
                try await writer.finish(nil)
            })
        }
    }

    // MARK: AlphaSMS voice.php

    func voice(_ request: Request, _ body: Data) async throws -> Reply {
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = contentType.components(separatedBy: "boundary=").last?.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) else {
            return try Self.alphaError("No sound file")
        }
        let parts: [String: FormPart]
        do { parts = try Self.parseForm(body, boundary: boundary) } catch { return try Self.alphaError("Error uploading file") }
        guard let key = parts["key"]?.text, !key.isEmpty else { return try Self.alphaError("API key missing") }
        guard key == config.key else { return try Self.alphaError("Wrong API key") }
        guard let phoneRaw = parts["phone"]?.text, !phoneRaw.isEmpty else { return try Self.alphaError("Param \"phone\" is missing") }
        guard let phone = try? PhoneNumber.normalise(phoneRaw) else { return try Self.alphaError("Param \"phone\" is wrong") }
        guard let voice = parts["voice"], voice.filename != nil, !voice.data.isEmpty else { return try Self.alphaError("No sound file") }
        if let problem = Self.check(audio: voice.data, profile: config.alphaProfile) { return try Self.alphaError(problem) }
        let hook = parts["hook"]?.text
        if let hook, !hook.isEmpty {
            guard let url = URL(string: hook), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                return try Self.alphaError("Invalid hook URL")
            }
        }
        let dtmfText = parts["dtmf"]?.text ?? ""
        let dtmf = dtmfText == "1" || dtmfText == "true"
        guard let call = await state.charge(provider: "alphasms", phone: phone, price: config.price, hook: hook, dtmf: dtmf) else {
            return try Self.alphaError("Insufficient funds")
        }
        if let hook, !hook.isEmpty { scheduleWebhook(call.id, to: hook, alpha: true) }
        return try Self.json(["id": call.id, "price": call.price] as [String: Any])
    }

    /// The provider's checks on an uploaded file, with its error strings.
    static func check(audio: Data, profile: Profile) -> String? {
        if audio.count > profile.maxSize { return "File is too big" }
        let digest = SHA256.hash(data: audio).map { String(format: "%02x", $0) }.joined()
        let verdict = ValidationCache.shared.cached(digest + "|" + ValidationCache.profileKey(profile)) {
            [checkUncached(audio: audio, profile: profile)].compactMap { $0 }
        }
        return verdict.first
    }

    static func checkUncached(audio: Data, profile: Profile) -> String? {
        let path = NSTemporaryDirectory() + "voiceprep-sandbox-\(UUID().uuidString).wav"
        defer { unlink(path) }
        guard FileManager.default.createFile(atPath: path, contents: audio) else { return "Error uploading file" }
        let report = Validator.validate(path: path, profile: profile)
        let codes = Set(report.errors.map(\.code))
        if codes.contains(.invalidFileFormat) { return "Invalid file format" }
        if codes.contains(.unsupportedAudioFormat) { return "Unsupported audio format" }
        if codes.contains(.invalidAudioDuration) { return "Invalid audio duration" }
        if codes.contains(.fileTooBig) { return "File is too big" }
        return nil
    }

    // MARK: AlphaSMS json.php

    func json(_ body: Data) async throws -> Reply {
        guard let obj = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            return try Self.json(["success": false, "error": "Invalid request"] as [String: Any])
        }
        guard (obj["auth"] as? String) == config.key else { return try Self.json(["success": false, "error": "Access denied"] as [String: Any]) }
        let messages = obj["data"] as? [[String: Any]] ?? []
        var items: [[String: Any]] = []
        for m in messages {
            switch m["type"] as? String {
            case "balance":
                items.append(["success": true, "data": ["amount": await state.balance, "currency": "UAH"]])
            case "status":
                let id = (m["id"] as? Int) ?? Int("\(m["id"] ?? "")") ?? -1
                if let call = await state.call(id) {
                    items.append(["success": true, "data": ["id": id, "type": "voice", "status": call.status.uppercased()]])
                } else {
                    items.append(["success": false, "error": "Message not found", "data": ["id": id]])
                }
            default:
                items.append(["success": false, "error": "Unknown type"])
            }
        }
        return try Self.json(["success": true, "data": items] as [String: Any])
    }

    // MARK: apiCalls

    func apiCalls(_ method: String, _ request: Request, _ body: Data) async throws -> Reply {
        var fields: [String: Any] = [:]
        var file: FormPart?
        if let ct = request.headers[.contentType], ct.lowercased().hasPrefix("multipart/form-data"),
           let boundary = ct.components(separatedBy: "boundary=").last {
            let parts = (try? Self.parseForm(body, boundary: boundary)) ?? [:]
            for (k, v) in parts { if v.filename == nil { fields[k] = v.text } else { file = v } }
        } else if let obj = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] {
            fields = obj
        } else {
            return try Self.apiError("Invalid request body", status: .badRequest)
        }
        guard let key = fields["apiKey"] as? String, !key.isEmpty else { return try Self.apiError("API key missing", status: .unauthorized) }
        guard key == config.key else { return try Self.apiError("Wrong API key", status: .unauthorized) }
        switch method {
        case "createRecord":
            let name = fields["name"] as? String ?? "record"
            switch fields["source"] as? String {
            case "file":
                guard let file, !file.data.isEmpty else { return try Self.apiError("No sound file") }
                if let problem = Self.check(audio: file.data, profile: config.recordProfile) { return try Self.apiError(problem) }
            case "text":
                guard let text = fields["text"] as? String, !text.isEmpty else { return try Self.apiError("Param \"text\" is missing") }
            default:
                return try Self.apiError("Param \"source\" must be text or file")
            }
            let r = await state.addRecord(name: name, source: fields["source"] as? String ?? "file", needModeration: config.moderation)
            return try Self.json(Self.recordJSON(r))
        case "removeRecord":
            let ids = (fields["idList"] as? [Any] ?? []).compactMap { Int("\($0)") }
            var last: SandboxState.Record?
            for id in ids { last = await state.removeRecord(id) }
            guard let last else { return try Self.apiError("Record not found") }
            var obj = Self.recordJSON(last)
            obj["deletedAt"] = Int(Date().timeIntervalSince1970)
            return try Self.json(obj)
        case "create":
            let record = fields["record"] as? [String: Any]
            guard let recordID = record.flatMap({ Int("\($0["id"] ?? "")") }), let rec = await state.records[recordID], !rec.deleted else {
                return try Self.apiError("Record not found")
            }
            var phones = (fields["phones"] as? [Any] ?? []).map { "\($0)" }
            if let p = fields["phone"] { phones.append("\(p)") }
            guard !phones.isEmpty else { return try Self.apiError("Param \"phone\" is missing") }
            guard fields["outgoingPhone"] != nil || fields["dutyPhone"] != nil else { return try Self.apiError("Param \"outgoingPhone\" is missing") }
            var created: [[String: Any]] = []
            for raw in phones {
                guard let phone = try? PhoneNumber.normalise(raw) else { return try Self.apiError("Param \"phone\" is wrong") }
                guard let call = await state.charge(provider: "zvonobot", phone: phone, price: config.price, hook: fields["webhookUrl"] as? String,
                                                    dtmf: true, recordID: recordID) else {
                    return try Self.apiError("Insufficient funds")
                }
                created.append(["id": call.id, "phone": phone, "createdAt": Int(Date().timeIntervalSince1970), "status": rec.needModeration ? "created" : "processed"])
                if !rec.needModeration, let hook = call.hook { scheduleWebhook(call.id, to: hook, alpha: false) }
            }
            return try Self.json(created.count == 1 ? created[0] : ["status": "success", "data": created] as [String: Any])
        case "get":
            let ids = (fields["apiCallIdList"] as? [Any] ?? []).compactMap { Int("\($0)") }
            var list: [[String: Any]] = []
            for id in ids {
                guard let c = await state.call(id) else { continue }
                list.append(["id": c.id, "calls": [["phone": c.phone, "status": c.status, "ivrDigit": c.dtmf ?? "", "cost": c.price]]])
            }
            return try Self.json(["status": "success", "data": list] as [String: Any])
        case "userInfo":
            return try Self.json(["id": 1, "balance": await state.balance] as [String: Any])
        default:
            return try Self.apiError("Unknown method \(method)", status: .notFound)
        }
    }

    static func recordJSON(_ r: SandboxState.Record) -> [String: Any] {
        ["id": r.id, "createdAt": Int(Date().timeIntervalSince1970), "needModeration": r.needModeration, "moderatorComment": NSNull(),
         "name": r.name, "path": "/records/\(r.id).wav", "status": r.needModeration ? "moderation" : "active", "cost": 0]
    }

    // MARK: webhooks

    func scheduleWebhook(_ id: Int, to hook: String, alpha: Bool) {
        let state = self.state, delay = config.webhookDelayMs
        Task.detached {
            try? await Task.sleep(for: .milliseconds(delay))
            guard let call = await state.finish(id) else { return }
            var request = HTTPClientRequest(url: hook)
            request.method = .POST
            let now = Int(Date().timeIntervalSince1970)
            let payload: [String: Any] = alpha
                ? ["id": call.id, "phone": call.phone, "status": call.status, "duration": 12, "dtmf": call.dtmf ?? ""]
                : ["id": call.id, "calls": [["phone": call.phone, "status": call.status, "ivrDigit": call.dtmf ?? "", "answeredAt": now - 12, "finishedAt": now, "cost": call.price]]]
            guard let data = try? JSONSerialization.data(withJSONObject: payload) else { return }
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: data))
            // Providers retry a webhook until they get 200; so does the sandbox, three times.
            for _ in 0..<3 {
                if let r = try? await HTTPClient.shared.execute(request, timeout: .seconds(5)), r.status == .ok { return }
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
    }

    // MARK: helpers

    struct FormPart {
        var data: Data
        var filename: String?
        var text: String { String(decoding: data, as: UTF8.self) }
    }

    /// Parses multipart/form-data with multipart-kit's strict parser.
    static func parseForm(_ body: Data, boundary: String) throws -> [String: FormPart] {
        final class Collector: @unchecked Sendable {
            var parts: [String: FormPart] = [:]
            var headers: [(String, String)] = []
            var data = Data()
        }
        let c = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { c.headers.append(($0, $1)) }
        parser.onBody = { buf in c.data.append(contentsOf: buf.readBytes(length: buf.readableBytes) ?? []) }
        parser.onPartComplete = {
            let disposition = c.headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
            func param(_ name: String) -> String? {
                guard let r = disposition.range(of: "\(name)=\"") else { return nil }
                let rest = disposition[r.upperBound...]
                return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
            }
            if let name = param("name") { c.parts[name] = FormPart(data: c.data, filename: param("filename")) }
            c.headers = []
            c.data = Data()
        }
        try parser.execute(ByteBuffer(bytes: body))
        return c.parts
    }

    static func json(_ object: [String: Any]) throws -> Reply {
        Reply(status: .ok, body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])))
    }

    static func json<T: Encodable>(_ value: T) throws -> Reply {
        Reply(status: .ok, body: ByteBuffer(bytes: try JSONEncoder().encode(value)))
    }

    /// AlphaSMS answers errors with HTTP 200 and an `errors` list.
    static func alphaError(_ message: String) throws -> Reply { try json(["errors": [message]] as [String: Any]) }

    static func apiError(_ message: String, status: HTTPResponse.Status = .ok) throws -> Reply {
        Reply(status: status, body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["status": "error", "data": ["message": message]])))
    }
}

