import Foundation
import Testing
@testable import VoiceCampaign

/// A provider double with scripted faults, counting what it was paid for.
actor FakeProvider {
    var paid: [String] = []
    var calls = 0
    var records = 0
    let faults: @Sendable (Int, String) -> SendFailure?

    init(faults: @escaping @Sendable (Int, String) -> SendFailure?) { self.faults = faults }

    func send(_ phone: String) throws -> SendReceipt {
        calls += 1
        if let f = faults(calls, phone) {
            if case .mayHaveReached = f { paid.append(phone) } // it reached the provider after all
            throw f
        }
        paid.append(phone)
        return SendReceipt(providerID: "\(paid.count)", price: 0.4)
    }

    func record() -> Int { records += 1; return records }
}

struct FakeSender: CallSender {
    let provider: String
    let fake: FakeProvider
    var balanceValue: Double? = 1000

    func balance() async throws -> Double? { balanceValue }
    func prepareMedia(file: String, name: String) async throws -> MediaHandle {
        MediaHandle(file: file, recordID: provider == "zvonobot" ? "rec\(await fake.record())" : nil)
    }
    func send(_ call: OutgoingCall) async throws -> SendReceipt { try await fake.send(call.phone) }
    func status(ids: [String]) async throws -> [String: String] { [:] }
}

@Suite struct CampaignSenderTests {
    func items(_ n: Int, hashes: Int = 1) -> [CampaignItem] {
        (0..<n).map { CampaignItem(line: $0 + 2, phone: "3805000\(String(format: "%05d", $0))", contentHash: "h\($0 % hashes)", mediaFile: "/tmp/m.wav") }
    }

    func ledger() throws -> Ledger {
        try Ledger(path: NSTemporaryDirectory() + "voiceprep-ledger-\(UUID().uuidString)/l.sqlite")
    }

    @Test func faultyRunSendsEachRowAtMostOnceAndSecondRunFinishesTheRest() async throws {
        let l = try ledger()
        let fake = FakeProvider { n, _ in
            if n % 10 == 3 { return .notReached("connection refused") }
            if n % 20 == 7 { return .mayHaveReached("connection dropped after the request was sent") }
            if n % 50 == 11 { return .rejected(code: "wrongPhone", message: "Param \"phone\" is wrong") }
            return nil
        }
        let options = SendOptions(campaign: "c", concurrency: 8, requestsPerSecond: 0, backoff: Backoff(base: 0.001, cap: 0.01, maxAttempts: 3))
        let rows = items(300)
        let first = try await CampaignSender(ledger: l, sender: FakeSender(provider: "alphasms", fake: fake), options: options).run(rows)
        #expect(first.sent + first.rejected + first.unknown + first.pending == 300)
        #expect(first.unknown > 0 && first.rejected > 0)
        let second = try await CampaignSender(ledger: l, sender: FakeSender(provider: "alphasms", fake: fake), options: options).run(rows)
        #expect(second.sent == first.sent + second.sentNow)
        let paid = await fake.paid
        // Every payment is a distinct phone: nothing paid twice.
        #expect(Set(paid).count == paid.count)
        // The provider's paid count equals sent rows plus unknown rows (which did reach it).
        #expect(paid.count == second.sent + second.unknown)
        #expect(try l.entries(campaign: "c", state: .unknown).count == second.unknown)
    }

    @Test func unknownRowsAreResentOnlyWhenAsked() async throws {
        let l = try ledger()
        let fake = FakeProvider { n, _ in n == 1 ? .mayHaveReached("timeout after sending") : nil }
        var options = SendOptions(campaign: "c", concurrency: 1, requestsPerSecond: 0)
        let rows = items(3)
        _ = try await CampaignSender(ledger: l, sender: FakeSender(provider: "alphasms", fake: fake), options: options).run(rows)
        let again = try await CampaignSender(ledger: l, sender: FakeSender(provider: "alphasms", fake: fake), options: options).run(rows)
        #expect(again.unknown == 1 && again.sentNow == 0)
        options.resendUnknown = true
        let forced = try await CampaignSender(ledger: l, sender: FakeSender(provider: "alphasms", fake: fake), options: options).run(rows)
        #expect(forced.unknown == 0 && forced.sent == 3)
    }

    @Test func balanceCheckRefusesToStart() async throws {
        let l = try ledger()
        let fake = FakeProvider { _, _ in nil }
        var sender = FakeSender(provider: "alphasms", fake: fake)
        sender.balanceValue = 1
        let options = SendOptions(campaign: "c", requestsPerSecond: 0, pricePerCall: 0.4)
        await #expect(throws: CampaignError.insufficientBalance(balance: 1, estimate: 4, rows: 10)) {
            try await CampaignSender(ledger: l, sender: sender, options: options).run(items(10))
        }
        #expect(await fake.calls == 0)
    }

    @Test func recordsAreCreatedOncePerContent() async throws {
        let l = try ledger()
        let fake = FakeProvider { _, _ in nil }
        let options = SendOptions(campaign: "c", requestsPerSecond: 0)
        _ = try await CampaignSender(ledger: l, sender: FakeSender(provider: "zvonobot", fake: fake), options: options).run(items(20, hashes: 2))
        _ = try await CampaignSender(ledger: l, sender: FakeSender(provider: "zvonobot", fake: fake), options: SendOptions(campaign: "c2", requestsPerSecond: 0)).run(items(20, hashes: 2))
        #expect(await fake.records == 2)
    }

    @Test func dryRunSendsNothing() async throws {
        let l = try ledger()
        let fake = FakeProvider { _, _ in nil }
        let s = try await CampaignSender(ledger: l, sender: FakeSender(provider: "alphasms", fake: fake), options: SendOptions(campaign: "c", dryRun: true)).run(items(5))
        #expect(s.pending == 5 && s.sent == 0 && s.dryRun)
        #expect(await fake.calls == 0)
    }

    @Test func shardsPartitionPhonesStably() {
        let phones = (0..<1000).map { "38050\($0)" }
        let shards = phones.map { Shard.of(phone: $0, count: 4) }
        #expect(Set(shards) == [0, 1, 2, 3])
        #expect(phones.map { Shard.of(phone: $0, count: 4) } == shards)
        #expect(Shard.parse("2/4")! == (1, 4))
        #expect(Shard.parse("5/4") == nil)
    }
}
