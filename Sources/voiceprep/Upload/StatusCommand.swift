import ArgumentParser
import Foundation
import VoiceUpload

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Status of calls by id (AlphaSMS json.php, or apiCalls/get with --provider zvonobot).",
        discussion: "Exit 1 when the provider knows none of some id (its per-item error is printed).")

    @OptionGroup var provider: ProviderOptions
    @Option(name: .customLong("provider"), help: "alphasms or zvonobot.") var providerName: ProviderName = .alphasms
    @Flag(help: "One JSON object per id (per phone for apiCalls).") var json = false
    @Argument(help: "Call ids.") var ids: [String]

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give at least one call id") }
    }

    func run() async throws {
        var failed = false
        do {
            switch providerName {
            case .zvonobot:
                let legs = try await provider.zvonobot().get(ids: ids)
                for c in legs {
                    if json { Terminal.json(c) } else { print("\(c.id) \(c.phone ?? "-") \(c.status ?? "?")\(c.dtmf.map { " dtmf=\($0)" } ?? "")") }
                }
                let known = Set(legs.map(\.id))
                for id in ids where !known.contains(id) {
                    failed = true
                    if json { Terminal.json(["id": id, "error": "unknown call"]) } else { print("\(id) unknown call") }
                }
            case .alphasms:
                for s in try await provider.alphaSMS().status(ids: ids) {
                    if s.error != nil { failed = true }
                    if json { Terminal.json(s) } else { print("\(s.id) \(s.status ?? "error: \(s.error ?? "?")")") }
                }
            }
        } catch let e as UsageError {
            throw e
        } catch {
            throw providerFailure(error, json: json)
        }
        if failed { throw ExitCode(1) }
    }
}

struct BalanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance",
        abstract: "Account balance (AlphaSMS json.php, or apiCalls/userInfo with --provider zvonobot).")

    @OptionGroup var provider: ProviderOptions
    @Option(name: .customLong("provider"), help: "alphasms or zvonobot.") var providerName: ProviderName = .alphasms
    @Flag(help: "Print the result as one JSON object.") var json = false

    func run() async throws {
        do {
            switch providerName {
            case .zvonobot:
                let info = try await provider.zvonobot().userInfo()
                if json { Terminal.json(info) } else { print(info.balance.map { String(format: "balance %.2f", $0) } ?? "balance unknown") }
            case .alphasms:
                let b = try await provider.alphaSMS().balance()
                if json { Terminal.json(b) } else { print(String(format: "balance %.2f", b.amount) + (b.currency.map { " \($0)" } ?? "")) }
            }
        } catch let e as UsageError {
            throw e
        } catch {
            throw providerFailure(error, json: json)
        }
    }
}
