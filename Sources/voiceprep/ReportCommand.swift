import ArgumentParser
import Foundation
import VoiceCampaign

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a campaign's outcome from the ledger: counts per state and call status, DTMF answers, cost.",
        discussion: "--json prints one JSON object per row (phone, state, providerID, price, callStatus, dtmf, …); --csv prints the rows as CSV.")

    @Option(help: "Ledger database.") var ledger = ".voiceprep/ledger.sqlite"
    @Option(help: "Only this campaign (default: all in the ledger).") var campaign: String?
    @Flag(help: "One JSON object per row.") var json = false
    @Flag(help: "Rows as CSV.") var csv = false

    func validate() throws {
        if json && csv { throw ValidationError("choose one of --json and --csv") }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: ledger) else {
            throw UsageError("no ledger at \(ledger); run `voiceprep send` first or pass --ledger PATH")
        }
        let entries: [LedgerEntry]
        do { entries = try Ledger(path: ledger).entries(campaign: campaign) } catch {
            throw UsageError("\(error)")
        }
        if json {
            for e in entries { Terminal.json(e) }
            return
        }
        if csv {
            print("campaign,line,phone,state,provider,provider_id,price,call_status,call_duration,dtmf,error")
            for e in entries {
                let fields: [String] = [e.campaign, e.line.map(String.init) ?? "", e.phone, e.state.rawValue, e.provider, e.providerID ?? "",
                                        e.price.map { String(format: "%.2f", $0) } ?? "", e.callStatus ?? "", e.callDuration.map(String.init) ?? "",
                                        e.dtmf ?? "", e.errorMessage ?? ""]
                print(fields.map(Self.csvField).joined(separator: ","))
            }
            return
        }
        print(Self.table(entries))
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func table(_ entries: [LedgerEntry]) -> String {
        var out: [String] = []
        for (campaign, rows) in Dictionary(grouping: entries, by: \.campaign).sorted(by: { $0.key < $1.key }) {
            out.append("Campaign \(campaign): \(rows.count) rows")
            let byState = Dictionary(grouping: rows, by: \.state)
            for state in RowState.allCases {
                guard let n = byState[state]?.count else { continue }
                out.append("  " + state.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: " %6d", n))
            }
            let statuses = Dictionary(grouping: rows.compactMap(\.callStatus), by: { $0 }).mapValues(\.count)
            if !statuses.isEmpty {
                out.append("  call status (from webhooks):")
                for (s, n) in statuses.sorted(by: { $0.key < $1.key }) { out.append("    " + s.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: " %6d", n)) }
            }
            let dtmf = Dictionary(grouping: rows.compactMap(\.dtmf), by: { $0 }).mapValues(\.count)
            if !dtmf.isEmpty {
                out.append("  DTMF answers: " + dtmf.sorted(by: { $0.key < $1.key }).map { "\($0.key)×\($0.value)" }.joined(separator: "  "))
            }
            let cost = rows.filter { $0.state == .sent }.compactMap(\.price).reduce(0, +)
            out.append(String(format: "  cost       %6.2f", cost))
            let unknown = byState[.unknown] ?? []
            if !unknown.isEmpty {
                out.append("  unknown rows (check with `voiceprep reconcile`, re-send only with --resend-unknown):")
                for e in unknown.prefix(20) { out.append("    line \(e.line.map(String.init) ?? "?") \(e.phone): \(e.errorMessage ?? "")") }
                if unknown.count > 20 { out.append("    … \(unknown.count - 20) more (see --json)") }
            }
        }
        return out.isEmpty ? "The ledger holds no rows." : out.joined(separator: "\n")
    }
}
