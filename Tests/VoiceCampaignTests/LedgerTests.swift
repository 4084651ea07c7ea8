import Foundation
import Testing
@testable import VoiceCampaign

@Suite struct LedgerTests {
    func ledger() throws -> (Ledger, String) {
        let dir = NSTemporaryDirectory() + "voiceprep-ledger-\(UUID().uuidString)"
        return (try Ledger(path: dir + "/ledger.sqlite"), dir)
    }

    let key = RowKey(campaign: "c1", phone: "380501234567", contentHash: "abc")

    @Test func rowLifecycleAndIdempotentPrepare() throws {
        let (l, dir) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try l.prepare([(key, "alphasms", 2)]) == 1)
        #expect(try l.prepare([(key, "alphasms", 2)]) == 0)
        #expect(try l.claim(key))
        #expect(try !l.claim(key), "a row in flight cannot be claimed twice")
        try l.markSent(key, providerID: "100500", price: 0.4)
        #expect(try !l.claim(key), "a sent row is never sent again")
        #expect(try l.prepare([(key, "alphasms", 2)]) == 0)
        let e = try #require(try l.entry(key))
        #expect(e.state == .sent && e.providerID == "100500" && e.price == 0.4 && e.attempts == 1)
    }

    @Test func interruptedRowsBecomeUnknownAndAreNotResentWithoutConsent() throws {
        let (l, dir) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try l.prepare([(key, "alphasms", nil)])
        #expect(try l.claim(key))
        // The process dies here. A new one opens the same ledger:
        let again = try Ledger(path: l.path)
        #expect(try again.recoverInterrupted() == 1)
        #expect(try again.entry(key)?.state == .unknown)
        #expect(try !again.claim(key))
        #expect(try again.claim(key, includeUnknown: true))
    }

    @Test func provablyUnsentRowsCanBeRetried() throws {
        let (l, dir) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try l.prepare([(key, "alphasms", nil)])
        #expect(try l.claim(key))
        try l.release(key, reason: "connection refused")
        #expect(try l.claim(key))
        try l.markRejected(key, code: "insufficientFunds", message: "Insufficient funds")
        #expect(try l.counts()[.rejected] == 1)
        #expect(throws: LedgerError.self) { try l.markSent(key, providerID: "1", price: nil) }
    }

    @Test func webhooksApplyOnceAndIgnoreUnknownIDs() throws {
        let (l, dir) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try l.prepare([(key, "alphasms", nil)])
        _ = try l.claim(key)
        try l.markSent(key, providerID: "7", price: 0.4)
        #expect(try l.applyWebhook(provider: "alphasms", providerID: "7", status: "answered", duration: 12, dtmf: "1", digest: "d1", body: "{}") == .applied)
        #expect(try l.applyWebhook(provider: "alphasms", providerID: "7", status: "answered", duration: 12, dtmf: "1", digest: "d1", body: "{}") == .duplicate)
        #expect(try l.applyWebhook(provider: "alphasms", providerID: "999", status: "answered", duration: 1, dtmf: nil, digest: "d2", body: "{}") == .unknownID)
        let e = try #require(try l.entry(key))
        #expect(e.callStatus == "answered" && e.dtmf == "1" && e.callDuration == 12)
    }

    @Test func twoProcessesNeverClaimTheSameRow() async throws {
        let (l, dir) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let keys = (0..<200).map { RowKey(campaign: "c", phone: "38050\($0)", contentHash: "h") }
        try l.prepare(keys.map { ($0, "alphasms", nil) })
        let other = try Ledger(path: l.path)
        async let a = Task.detached { keys.filter { (try? l.claim($0)) == true }.count }.value
        async let b = Task.detached { keys.filter { (try? other.claim($0)) == true }.count }.value
        let (na, nb) = await (a, b)
        #expect(na + nb == 200)
    }
}
