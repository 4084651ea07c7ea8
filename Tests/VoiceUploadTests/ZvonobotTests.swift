import Foundation
import NIOCore
import Testing
import VoiceMedia
@testable import VoiceUpload

@Suite struct ZvonobotTests {
    @Test func recordFromFileThenCallsThenStatus() async throws {
        try await Stub.serve([.init(body: "ok")]) { hookBase, hooks in
            try await withSandbox(SandboxConfig(balance: 10, webhookDelayMs: 20)) { sb in
                let client = ZvonobotClient(baseURL: sb.baseURL + "/apiCalls/", key: sandboxKey)
                let record = try await client.createRecord(name: "promo", file: readyWAV)
                #expect(record.id == "1" && record.name == "promo" && !record.needsModeration)
                #expect(record.moderation.hasPrefix("approved"))
                #expect(await sb.state.lastUpload?.fieldNames == ["apiKey", "name", "source", "file"])

                let one = try await client.create(CallRequest(recordID: record.id, phones: ["+380 50 123 45 67"], caller: .number("380441234567"),
                                                              plannedAt: Date(timeIntervalSince1970: 1_900_000_000), webhookURL: hookBase + "/hook/zvonobot"))
                #expect(one.count == 1 && one[0].phone == "380501234567" && one[0].plannedAt == 1_900_000_000)
                let many = try await client.create(CallRequest(recordID: record.id, phones: ["380501234568", "380501234569"], caller: .duty))
                #expect(many.map(\.phone) == ["380501234568", "380501234569"])
                #expect(await sb.paidCalls == 3)

                await sb.state.settleWebhooks()
                let legs = try await client.get(ids: (one + many).map(\.id) + ["424242"])
                #expect(legs.count == 3)
                #expect(legs.allSatisfy { $0.status == "finished" && $0.dtmf != nil && $0.cost == 0.4 })
                let posted = try #require(await hooks.received.first)
                let report = try #require(try JSONSerialization.jsonObject(with: posted) as? [String: Any])
                #expect(Loose.string(report["id"]) == one[0].id)
                #expect((report["calls"] as? [[String: Any]])?.first?["status"] as? String == "finished")

                let info = try await client.userInfo()
                #expect(info.balance.map { abs($0 - 8.8) < 1e-9 } == true)

                let removed = try await client.removeRecord(ids: [record.id])
                #expect(removed.first?.deletedAt != nil)
                await #expect(throws: UploadError.provider("Record not found")) {
                    try await client.create(CallRequest(recordID: record.id, phones: ["380501234567"], caller: .duty))
                }
            }
        }
    }

    @Test func moderationIsSurfacedAndHoldsCalls() async throws {
        try await withSandbox(SandboxConfig(moderation: true, webhookDelayMs: 10)) { sb in
            let client = ZvonobotClient(baseURL: sb.baseURL, key: sandboxKey)
            let record = try await client.createRecord(name: "greeting", text: "Добрий день! Ваше замовлення готове.")
            #expect(record.needsModeration && record.status == "moderation")
            #expect(record.moderation.contains("will not start"))
            let calls = try await client.create(CallRequest(recordID: record.id, phones: ["380501234567"], caller: .duty))
            try await Task.sleep(for: .milliseconds(100))
            #expect(try await client.get(ids: calls.map(\.id)).first?.status == "created")
            let reply = try await HTTPTransport.shared.post(sb.baseURL + "/_sandbox/records/\(record.id)/approve", contentType: "application/json", body: ByteBuffer())
            #expect(reply.status == 200)
            await sb.state.settleWebhooks()
            try await Task.sleep(for: .milliseconds(100))
            #expect(try await client.get(ids: calls.map(\.id)).first?.status == "finished")
        }
    }

    @Test func errorsAndLocalChecks() async throws {
        try await withSandbox(SandboxConfig(balance: 0.5)) { sb in
            let wrong = ZvonobotClient(baseURL: sb.baseURL, key: APIKey("nope"))
            await #expect(throws: UploadError.wrongAPIKey) { try await wrong.userInfo() }
            let client = ZvonobotClient(baseURL: sb.baseURL, key: sandboxKey)
            await #expect(throws: UploadError.provider("Record not found")) {
                try await client.create(CallRequest(recordID: "77", phones: ["380501234567"], caller: .duty))
            }
            let record = try await client.createRecord(name: "r", file: readyWAV)
            await #expect(throws: UploadError.insufficientFunds) {
                try await client.create(CallRequest(recordID: record.id, phones: ["380501234567", "380501234568"], caller: .duty))
            }
            #expect(await sb.paidCalls == 0)
            do {
                _ = try await client.create(CallRequest(recordID: record.id, phones: ["380501234567", "12ab"], caller: .duty))
                Issue.record("bad phone sent")
            } catch let error as PhoneError {
                #expect(error.row == 2)
                #expect(error.description.hasPrefix("row 2: phone \"12ab\""))
            }
            await #expect(throws: UploadError.self) { try await client.createRecord(name: "bad", file: stereoWAV) }
            await #expect(throws: UploadError.self) { try await client.createRecord(name: " ", text: "hi") }
            await #expect(throws: UploadError.self) {
                try await client.create(CallRequest(recordID: record.id, phones: ["380501234567"], caller: .duty, webhookURL: "/relative"))
            }
            #expect(await sb.state.stats().records == 1)
        }
    }

    @Test func answersReadBareOrEnvelopedAndErrorsInAnyShape() async throws {
        let replies: [Stub.Canned] = [
            .init(body: #"{"id": 5, "balance": "12.50"}"#),
            .init(body: #"{"status": "success", "data": {"id": 6, "balance": 3}}"#),
            .init(status: .unauthorized, body: #"{"status": "error", "message": "Unauthorized"}"#),
            .init(body: #"{"errors": ["Something odd"]}"#),
            .init(status: .tooManyRequests, body: "slow down", headers: [.retryAfter: "7"]),
            .init(status: .internalServerError, body: "<html><body>Server Error</body></html>", headers: [.contentType: "text/html"]),
        ]
        try await Stub.serve(replies) { base, _ in
            let client = ZvonobotClient(baseURL: base, key: sandboxKey)
            let bare = try await client.userInfo()
            #expect(bare == UserInfo(id: "5", balance: 12.5))
            let enveloped = try await client.userInfo()
            #expect(enveloped == UserInfo(id: "6", balance: 3))
            await #expect(throws: UploadError.provider("Unauthorized")) { try await client.userInfo() }
            await #expect(throws: UploadError.provider("Something odd")) { try await client.userInfo() }
            await #expect(throws: UploadError.retryLater(status: 429, after: 7)) { try await client.userInfo() }
            await #expect(throws: UploadError.unexpectedResponse(status: 500, excerpt: "Server Error")) { try await client.userInfo() }
        }
    }
}
