import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import VoiceCampaign

@Suite struct WebhookTests {
    func setUp() throws -> (Ledger, WebhookReceiver, RowKey) {
        let l = try Ledger(path: NSTemporaryDirectory() + "voiceprep-ledger-\(UUID().uuidString)/l.sqlite")
        let key = RowKey(campaign: "c", phone: "380501234567", contentHash: "h")
        try l.prepare([(key, "alphasms", 2)])
        _ = try l.claim(key)
        try l.markSent(key, providerID: "100500", price: 0.4)
        let zkey = RowKey(campaign: "c", phone: "79161234567", contentHash: "h")
        try l.prepare([(zkey, "zvonobot", 3)])
        _ = try l.claim(zkey)
        try l.markSent(zkey, providerID: "777", price: 1.2)
        return (l, WebhookReceiver(ledger: l, token: "secret-token"), key)
    }

    @Test func alphaSMSWebhooksOverRealHTTP() async throws {
        let (l, receiver, key) = try setUp()
        let app = Application(router: receiver.router())
        try await app.test(.live) { client in
            let json = #"{"id":100500,"phone":"380501234567","status":"delivered","duration":14,"dtmf":"2"}"#
            let ok = try await client.execute(uri: receiver.path(provider: "alphasms"), method: .post,
                                              headers: [.contentType: "application/json"], body: ByteBuffer(string: json))
            #expect(ok.status == .ok)
            #expect(String(buffer: ok.body).contains("applied"))
            let dup = try await client.execute(uri: receiver.path(provider: "alphasms"), method: .post,
                                               headers: [.contentType: "application/json"], body: ByteBuffer(string: json))
            #expect(dup.status == .ok)
            #expect(String(buffer: dup.body).contains("duplicate"))
            // Form-encoded, out of order (an earlier status arrives later), changes the status but keeps the DTMF answer.
            let form = try await client.execute(uri: receiver.path(provider: "alphasms"), method: .post,
                                                headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "id=100500&status=sent"))
            #expect(form.status == .ok)
            let unknown = try await client.execute(uri: receiver.path(provider: "alphasms") + "?id=42&status=delivered", method: .post)
            #expect(String(buffer: unknown.body).contains("unknown_id"))
            let bad = try await client.execute(uri: receiver.path(provider: "alphasms"), method: .post,
                                               headers: [.contentType: "application/json"], body: ByteBuffer(string: "{not json"))
            #expect(bad.status == .badRequest)
            let noID = try await client.execute(uri: receiver.path(provider: "alphasms"), method: .post,
                                                headers: [.contentType: "application/json"], body: ByteBuffer(string: #"{"status":"x"}"#))
            #expect(noID.status == .badRequest)
            let wrongToken = try await client.execute(uri: "/hook/guess/alphasms", method: .post, body: ByteBuffer(string: json))
            #expect(wrongToken.status == .notFound)
        }
        let e = try #require(try l.entry(key))
        #expect(e.dtmf == "2")
        #expect(e.callDuration == 14)
        #expect(e.callStatus == "delivered", "a late in-progress status does not replace the final one")
    }

    @Test func apiCallsWebhook() async throws {
        let (l, receiver, _) = try setUp()
        let app = Application(router: receiver.router())
        try await app.test(.live) { client in
            let body = #"{"id":777,"calls":[{"phone":"79161234567","status":"finished","ivrDigit":"1","answeredAt":1700000000,"finishedAt":1700000021,"cost":1.2}]}"#
            let r = try await client.execute(uri: receiver.path(provider: "zvonobot"), method: .post,
                                             headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
            #expect(r.status == .ok)
        }
        let e = try #require(try l.entries(campaign: "c").first { $0.provider == "zvonobot" })
        #expect(e.callStatus == "finished" && e.dtmf == "1" && e.callDuration == 21)
    }
}
