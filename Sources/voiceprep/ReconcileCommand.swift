import ArgumentParser
import Foundation
import VoiceCampaign

struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Settle a campaign's uncertain rows: refresh call statuses from the provider and resolve unknown rows.",
        discussion: """
        A row is `unknown` when its request may have reached the provider but no answer came back, so \
        there is no call id to look up. Check the provider's cabinet for that phone, then either \
        `--mark-sent PHONE=CALL_ID` (it was delivered) or `--mark-unsent PHONE` (it was not; the next \
        `voiceprep send` sends it). Sent rows get their latest status through json.php status / apiCalls get. \
        Exit 0 when no unknown rows remain, 1 otherwise.
        """)

    @Option(help: "Ledger database.") var ledger = ".voiceprep/ledger.sqlite"
    @Option(help: "Only this campaign.") var campaign: String?
    @Option(name: .customLong("provider"), help: "alphasms or zvonobot: whose statuses to refresh.") var providerName = "alphasms"
    @OptionGroup var provider: ProviderOptions
    @Option(name: .customLong("mark-sent"), help: "PHONE=CALL_ID: an unknown row that the provider did receive.") var markSent: [String] = []
    @Option(name: .customLong("mark-unsent"), help: "PHONE: an unknown row that the provider did not receive (it will be sent again).") var markUnsent: [String] = []
    @Flag(name: .customLong("no-refresh"), help: "Do not ask the provider for statuses.") var noRefresh = false
    @Flag(help: "Print the remaining unknown rows as JSON.") var json = false

    func run() async throws {
        guard FileManager.default.fileExists(atPath: ledger) else { throw UsageError("no ledger at \(ledger); pass --ledger PATH") }
        let store: Ledger
        do { store = try Ledger(path: ledger) } catch { throw UsageError("\(error)") }
        let unknown = try store.entries(campaign: campaign, state: .unknown)
        for spec in markSent {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else { throw UsageError("--mark-sent \(spec): expected PHONE=CALL_ID") }
            let rows = unknown.filter { $0.phone == parts[0].filter(\.isNumber) }
            if rows.isEmpty { throw UsageError("--mark-sent \(spec): no unknown row for that phone") }
            for r in rows { try store.resolveUnknown(r.key, providerID: parts[1], sent: true, note: "marked sent by reconcile") }
        }
        for phone in markUnsent {
            let rows = unknown.filter { $0.phone == phone.filter(\.isNumber) }
            if rows.isEmpty { throw UsageError("--mark-unsent \(phone): no unknown row for that phone") }
            for r in rows { try store.resolveUnknown(r.key, providerID: nil, sent: false, note: "marked unsent by reconcile; the next send sends it") }
        }
        if !noRefresh { try await refresh(store) }
        let remaining = try store.entries(campaign: campaign, state: .unknown)
        if json {
            for e in remaining { Terminal.json(e) }
        } else if remaining.isEmpty {
            print("No unknown rows\(campaign.map { " in \($0)" } ?? "").")
        } else {
            print("\(remaining.count) row(s) may or may not have reached the provider; check its cabinet for these phones, then mark them:")
            for e in remaining {
                print("  \(e.campaign) line \(e.line.map(String.init) ?? "?") \(e.phone): \(e.errorMessage ?? "")")
            }
            print("  voiceprep reconcile --ledger \(ledger) --mark-sent PHONE=CALL_ID | --mark-unsent PHONE")
        }
        if !remaining.isEmpty { throw ExitCode(1) }
    }

    func refresh(_ store: Ledger) async throws {
        let sent = try store.entries(campaign: campaign, state: .sent).filter { $0.provider == providerName && $0.providerID != nil }
        guard !sent.isEmpty else { return }
        let sender: any CallSender
        do {
            sender = providerName == "zvonobot" ? ZvonobotSender(client: try provider.zvonobot()) : AlphaSMSSender(client: try provider.alphaSMS())
        } catch {
            Terminal.note("statuses not refreshed: \(error)")
            return
        }
        let ids = sent.compactMap(\.providerID)
        var updated = 0
        for start in stride(from: 0, to: ids.count, by: 100) {
            let chunk = Array(ids[start..<min(ids.count, start + 100)])
            do {
                for (id, status) in try await sender.status(ids: chunk) {
                    try store.refreshStatus(provider: providerName, providerID: id, status: status)
                    updated += 1
                }
            } catch {
                Terminal.note("statuses not refreshed for \(chunk.count) calls: \(error)")
            }
        }
        if !json { print("Refreshed the status of \(updated) of \(ids.count) sent calls.") }
    }
}
