import Foundation
import Hummingbird

extension Sandbox {
    // MARK: apiCalls/* (004)

    func apiCalls(_ method: String, _ request: Request, _ body: Data) async throws -> Reply {
        var fields: [String: Any] = [:]
        var file: FormPart?
        let chunked = request.headers[.transferEncoding]?.lowercased().contains("chunked") ?? false
        if let boundary = SandboxForm.boundary(request) {
            guard !chunked, let form = try? SandboxForm.parse(body, boundary: boundary) else {
                await trace("apiCalls/\(method)", request, nil, chunked: chunked)
                return try apiError("Error uploading file")
            }
            await trace("apiCalls/\(method)", request, form, chunked: false)
            for (name, part) in form.parts {
                if part.filename == nil { fields[name] = part.text } else { file = part }
            }
        } else if !body.isEmpty {
            guard let obj = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { return try apiError("Invalid JSON") }
            fields = obj
        }
        // 004's `get` example sends the ids in the query (apiCallIdList[]=1).
        let queryIDs: [String] = request.uri.queryParameters.getAll("apiCallIdList[]").map { String($0) }
        guard let key = Loose.string(fields["apiKey"]) else { return try apiError("API key missing") }
        if let refused = config.refusedKeys[key] { return try apiError(refused) }
        guard key == config.key else { return try apiError("Wrong API key") }
        switch method {
        case "createRecord": return try await createRecord(fields, file)
        case "removeRecord": return try await removeRecord(fields)
        case "create": return try await create(fields)
        case "get":
            let ids = (fields["apiCallIdList"] as? [Any] ?? []).compactMap { Loose.string($0) } + queryIDs
            return try await get(ids)
        case "userInfo":
            return try success(["id": 1, "balance": (await state.balance * 10000).rounded() / 10000])
        default:
            return try apiError("Unknown method \(method)", status: .notFound)
        }
    }

    func createRecord(_ fields: [String: Any], _ file: FormPart?) async throws -> Reply {
        guard let name = Loose.string(fields["name"]) else { return try apiError("Param \"name\" is missing") }
        let source = Loose.string(fields["source"])
        var duration = 0
        switch source {
        case "file":
            guard let file, !file.data.isEmpty else { return try apiError("No sound file") }
            switch SandboxAudio.check(file.data, profile: config.recordProfile) {
            case let .rejected(message): return try apiError(message)
            case let .accepted(d): duration = d
            }
        case "text":
            guard let text = Loose.string(fields["text"]) else { return try apiError("Param \"text\" is missing") }
            // About 12 characters a second of synthesised speech.
            duration = max(1, text.count / 12)
        default:
            return try apiError("Param \"source\" must be text or file")
        }
        let record = await state.addRecord(name: name, source: source ?? "file", needModeration: config.moderation, duration: duration)
        return try success(recordJSON(record))
    }

    func removeRecord(_ fields: [String: Any]) async throws -> Reply {
        let ids = (fields["idList"] as? [Any] ?? []).compactMap { Loose.string($0).flatMap(Int.init) }
        guard !ids.isEmpty else { return try apiError("Param \"idList\" is missing") }
        var removed: [[String: Any]] = []
        for id in ids {
            guard let r = await state.removeRecord(id) else { return try apiError("Record not found") }
            removed.append(recordJSON(r))
        }
        return try success(removed.count == 1 ? removed[0] : removed)
    }

    func create(_ fields: [String: Any]) async throws -> Reply {
        let record = fields["record"] as? [String: Any]
        guard let recordID = Loose.string(record?["id"]).flatMap(Int.init) else {
            return try apiError(record?["text"] != nil ? "Text records need the account's moderation lifted" : "Param \"record.id\" is missing")
        }
        guard let rec = await state.record(recordID), rec.deletedAt == nil else { return try apiError("Record not found") }
        var raws = (fields["phones"] as? [Any] ?? []).compactMap { Loose.string($0) }
        if let one = Loose.string(fields["phone"]) { raws.insert(one, at: 0) }
        guard !raws.isEmpty else { return try apiError("Param \"phone\" is missing") }
        guard Loose.string(fields["outgoingPhone"]) != nil || Loose.bool(fields["dutyPhone"]) == true else {
            return try apiError("Param \"outgoingPhone\" is missing")
        }
        var phones: [String] = []
        for raw in raws {
            // 004: string(11) digits; the sandbox accepts 10–15 digits.
            guard raw.allSatisfy(\.isNumber), (10...15).contains(raw.count) else { return try apiError("Param \"phone\" is invalid: \(raw)") }
            phones.append(raw)
        }
        let hook = Loose.string(fields["webhookUrl"])
        if let hook, (try? BaseURL.checkHook(hook)) == nil { return try apiError("Param \"webhookUrl\" is invalid") }
        let plannedAt = Loose.number(fields["plannedAt"]).map { Int($0) }
        guard let calls = await state.charge(provider: "zvonobot", phones: phones, price: config.price, hook: hook, dtmf: true,
                                             recordID: recordID, duration: rec.duration, startsAs: rec.needModeration ? "created" : "processed") else {
            return try apiError("Insufficient funds")
        }
        // An unmoderated record's calls wait (status created) until it is approved.
        if !rec.needModeration { for c in calls { scheduleWebhook(c.id) } }
        let list: [[String: Any]] = calls.map { c in
            var o: [String: Any] = ["id": c.id, "phone": c.phone, "createdAt": c.createdAt, "needRecording": 0, "smartDelay": NSNull(), "recordCost": 0]
            o["plannedAt"] = plannedAt ?? c.createdAt
            return o
        }
        return try success(list.count == 1 ? list[0] : list)
    }

    func get(_ ids: [String]) async throws -> Reply {
        guard !ids.isEmpty else { return try apiError("Param \"apiCallIdList\" is missing") }
        guard ids.count <= 5000 else { return try apiError("No more than 5000 calls per request") }
        var list: [[String: Any]] = []
        for raw in ids {
            guard let id = Int(raw), let c = await state.call(id), c.provider == "zvonobot" else { continue }
            list.append(callJSON(c))
        }
        return try success(list)
    }

    func callJSON(_ c: SandboxState.Call) -> [String: Any] {
        let done = c.status == "finished"
        let leg: [String: Any] = [
            "phone": c.phone, "status": c.status, "ivrDigit": done ? (c.dtmf ?? "") : "", "cost": done ? c.price : 0,
            "startedAt": done ? c.createdAt : NSNull(), "answeredAt": done ? c.createdAt + 2 : NSNull(),
            "finishedAt": done ? c.createdAt + 2 + c.duration : NSNull(), "createdAt": c.createdAt, "updatedAt": c.createdAt,
        ]
        return ["id": c.id, "createdAt": c.createdAt, "plannedAt": c.createdAt, "webhookUrl": c.hook ?? NSNull(),
                "webhookSent": done && c.hook != nil, "calls": [leg]]
    }

    func recordJSON(_ r: SandboxState.Record) -> [String: Any] {
        ["id": r.id, "createdAt": Int(Date().timeIntervalSince1970), "needModeration": r.needModeration,
         "moderatorComment": r.needModeration ? "Waiting for a moderator" : NSNull(), "name": r.name,
         "path": "/records/\(r.id).wav", "status": r.needModeration ? "moderation" : "active", "recordText": NSNull(), "cost": 0,
         "deletedAt": r.deletedAt.map { $0 as Any } ?? NSNull()]
    }

    /// The `{"status": "success", "data": …}` envelope of 004's list endpoints.
    func success(_ data: Any) throws -> Reply { try Reply.json(["status": "success", "data": data]) }

    /// 004 documents no error shape; the sandbox answers `{"status": "error", "data": {"message": …}}`.
    func apiError(_ message: String, status: HTTPResponse.Status = .ok) throws -> Reply {
        try Reply.json(["status": "error", "data": ["message": message]], status: status)
    }
}
