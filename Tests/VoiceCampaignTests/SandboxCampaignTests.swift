import Foundation
import Testing
import VoiceUpload
@testable import VoiceCampaign

let readyWAV = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Samples/provider-ready.wav").path

@Suite struct SandboxCampaignTests {
    @Test func thousandRowsThroughFaultsOverRealHTTP() async throws {
        let sandbox = try await Sandbox(config: SandboxConfig(balance: 10_000, latencyMs: 2, failRate: 0.10, dropRate: 0.05, seed: 7)).start()
        let ledger = try Ledger(path: NSTemporaryDirectory() + "voiceprep-ledger-\(UUID().uuidString)/l.sqlite")
        let sender = AlphaSMSSender(client: AlphaSMSClient(baseURL: sandbox.baseURL, key: APIKey(SandboxConfig.defaultKey)))
        let items = (0..<1000).map { CampaignItem(line: $0 + 2, phone: "38050\(String(format: "%07d", $0))", contentHash: "h", mediaFile: readyWAV) }
        let options = SendOptions(campaign: "big", concurrency: 8, requestsPerSecond: 0, backoff: Backoff(base: 0.01, cap: 0.05))
        let summary = try await CampaignSender(ledger: ledger, sender: sender, options: options).run(items)
        let stats = await sandbox.state.stats()
        await sandbox.stop()
        #expect(summary.sent + summary.unknown + summary.rejected + summary.pending == 1000)
        #expect(summary.pending == 0)
        #expect(summary.unknown > 50, "about 15% of requests fail in ways that may have reached the provider")
        #expect(summary.sent > 700)
        // Faults strike before the sandbox acts, so what it charged is exactly what the ledger calls sent.
        #expect(stats.paidCalls == summary.sent)
        let phones = await sandbox.state.calls.values.map(\.phone)
        #expect(Set(phones).count == phones.count, "no phone was paid twice")
    }
}
