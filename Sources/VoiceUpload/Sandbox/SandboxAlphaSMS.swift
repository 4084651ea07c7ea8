import Foundation
import Hummingbird

extension Sandbox {
    // MARK: api/voice.php (001)

    func voice(_ request: Request, _ body: Data) async throws -> Reply {
        // PHP fills $_FILES only for a multipart body with a length; a chunked upload
        // arrives empty, as it does behind many PHP front ends.
        let chunked = request.headers[.transferEncoding]?.lowercased().contains("chunked") ?? false
        guard let boundary = SandboxForm.boundary(request), !chunked else {
            await trace("api/voice.php", request, nil, chunked: chunked)
            return try alphaError(request.headers[.contentType] == nil || chunked ? "No sound file" : "API key missing")
        }
        let form: ParsedForm
        do { form = try SandboxForm.parse(body, boundary: boundary) } catch { return try alphaError("Error uploading file") }
        await trace("api/voice.php", request, form, chunked: false)
        let parts = form.parts
        guard let key = parts["key"]?.text, !key.isEmpty else { return try alphaError("API key missing") }
        if let refused = config.refusedKeys[key] { return try alphaError(refused) }
        guard key == config.key else { return try alphaError("Wrong API key") }
        guard let rawPhone = parts["phone"]?.text, !rawPhone.isEmpty else { return try alphaError("Param \"phone\" is missing") }
        guard let voice = parts["voice"], voice.filename != nil else { return try alphaError("No sound file") }
        guard !voice.data.isEmpty else { return try alphaError("Error uploading file") }
        let duration: Int
        switch SandboxAudio.check(voice.data, profile: config.alphaProfile) {
        case let .rejected(message): return try alphaError(message)
        case let .accepted(d): duration = d
        }
        let hook = parts["hook"]?.text.trimmingCharacters(in: .whitespaces)
        if let hook, !hook.isEmpty, (try? BaseURL.checkHook(hook)) == nil { return try alphaError("Invalid hook URL") }
        // The documents list no error for a malformed number; the sandbox keeps the digits
        // and refuses a number with none as missing.
        let phone = rawPhone.filter(\.isNumber)
        guard !phone.isEmpty else { return try alphaError("Param \"phone\" is missing") }
        let dtmf = ["1", "true", "yes", "on"].contains(parts["dtmf"]?.text.lowercased() ?? "")
        guard let call = await state.charge(provider: "alphasms", phones: [phone], price: config.price, hook: hook?.isEmpty == false ? hook : nil,
                                            dtmf: dtmf, duration: duration, startsAs: "QUEUED")?.first else {
            return try alphaError("Insufficient funds")
        }
        scheduleWebhook(call.id)
        return try Reply.json(["id": call.id, "price": call.price])
    }

    /// AlphaSMS answers errors with HTTP 200 and an `errors` list.
    func alphaError(_ message: String) throws -> Reply { try Reply.json(["errors": [message]]) }

    func trace(_ endpoint: String, _ request: Request, _ form: ParsedForm?, chunked: Bool) async {
        let file = form?.parts.values.first { $0.filename != nil }
        await state.noteUpload(.init(endpoint: endpoint, fieldNames: form?.order ?? [], filename: file?.filename, fileContentType: file?.contentType,
                                     contentLength: request.headers[.contentLength].flatMap(Int.init), chunked: chunked))
    }

    // MARK: api/json.php (002)

    func json(_ body: Data) async throws -> Reply {
        guard let obj = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            return try Reply.json(["success": false, "error": "Invalid JSON"])
        }
        guard let auth = obj["auth"] as? String, auth == config.key else { return try Reply.json(["success": false, "error": "Access denied"]) }
        guard let messages = obj["data"] as? [Any] else { return try Reply.json(["success": false, "error": "Param \"data\" is missing"]) }
        var items: [[String: Any]] = []
        for element in messages {
            let m = element as? [String: Any] ?? [:]
            switch m["type"] as? String {
            case "balance":
                let amount = (await state.balance * 10000).rounded() / 10000
                items.append(["success": true, "data": ["amount": amount, "currency": config.currency]])
            case "status":
                let raw = Loose.string(m["id"]) ?? ""
                if let id = Int(raw), let call = await state.call(id), call.provider == "alphasms" {
                    items.append(["success": true, "data": ["id": id, "type": "voice", "status": call.status]])
                } else {
                    items.append(["success": false, "error": "Message not found", "data": ["id": Loose.idValue(raw)]])
                }
            default:
                items.append(["success": false, "error": "Unknown type", "data": [:] as [String: Any]])
            }
        }
        return try Reply.json(["success": true, "data": items])
    }
}
