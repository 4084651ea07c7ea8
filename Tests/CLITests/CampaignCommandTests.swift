import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import VoiceMedia

/// A GET for the sandbox's stats endpoint, waited for off the cooperative pool.
func httpGet(_ url: String) async -> String {
    (try? await BlockingWork.run { blockingGet(url) }) ?? ""
}

private func blockingGet(_ url: String) -> String {
    guard let u = URL(string: url) else { return "" }
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var text = ""
    URLSession.shared.dataTask(with: u) { data, _, _ in
        text = data.map { String(decoding: $0, as: UTF8.self) } ?? ""
        done.signal()
    }.resume()
    _ = done.wait(timeout: .now() + 10)
    return text
}

/// Starts `voiceprep sandbox` (and optionally `voiceprep webhook`) as real processes.
final class Background {
    let process = Process()
    let output = Pipe()

    init(_ args: [String], env: [String: String] = [:]) throws {
        process.executableURL = CLI.binary
        process.arguments = args
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        process.environment = environment
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    /// Waits for a line containing `marker` on the process output.
    func wait(for marker: String) async -> String {
        let output = self.output
        return (try? await BlockingWork.run { Self.read(output, until: marker) }) ?? ""
    }

    private static func read(_ output: Pipe, until marker: String) -> String {
        var seen = ""
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
            if seen.contains(marker) { return seen }
        }
        return seen
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

func freePort() -> Int { Int.random(in: 20_000...40_000) }

@Suite(.serialized) struct CampaignCommandTests {
    @Test func sendTwiceThenReportWithWebhooks() async throws {
        let dir = try CLI.tempDir()
        let sbPort = freePort(), hookPort = sbPort + 1
        let sandbox = try Background(["sandbox", "--port", "\(sbPort)"])
        defer { sandbox.stop() }
        #expect(await sandbox.wait(for: "listening").contains("listening"))
        let webhook = try Background(["webhook", "--listen", "127.0.0.1:\(hookPort)", "--ledger", dir + "/l.sqlite"], env: ["VOICEPREP_WEBHOOK_TOKEN": "tok"])
        defer { webhook.stop() }
        #expect(await webhook.wait(for: "apiCalls").contains("tok"))
        let env = ["ALPHASMS_API_KEY": "sandbox-key"]
        let args = ["send", CLI.samples + "/campaign.csv", "--base-url", "http://127.0.0.1:\(sbPort)", "--ledger", dir + "/l.sqlite",
                    "--hook", "http://127.0.0.1:\(hookPort)/hook/tok/alphasms"]
        let first = try await CLI.run(args + ["--json"], cwd: CLI.packageRoot.path, env: env)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let summary = try #require(first.jsonLines.last)
        #expect(summary["sent"] as? Int == 5)
        let second = try await CLI.run(args + ["--json"], cwd: CLI.packageRoot.path, env: env)
        #expect(second.jsonLines.last?["sentNow"] as? Int == 0)
        try await Task.sleep(for: .seconds(1.5))
        let report = try await CLI.run(["report", "--ledger", dir + "/l.sqlite", "--json"])
        let rows = report.jsonLines
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { $0["state"] as? String == "sent" && $0["providerID"] != nil && $0["phone"] != nil })
        #expect(rows.filter { $0["callStatus"] as? String == "DELIVERED" }.count == 5)
        let stats = await httpGet("http://127.0.0.1:\(sbPort)/_sandbox/stats")
        #expect(stats.contains("\"paidCalls\":5"))
    }

    @Test func keysNeverPrintedAndMissingKeyIsAUsageError() async throws {
        let missing = try await CLI.run(["balance", "--base-url", "http://127.0.0.1:1"], env: ["ALPHASMS_API_KEY": ""])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("ALPHASMS_API_KEY"))
        let secret = "very-secret-key-9876"
        let r = try await CLI.run(["balance", "--base-url", "http://127.0.0.1:1", "--json"], env: ["ALPHASMS_API_KEY": secret])
        #expect(r.status == 1)
        #expect(!(r.stdout + r.stderr).contains(secret))
    }

    @Test func killedMidBatchNeverPaysTwiceNorLosesARow() async throws {
        let dir = try CLI.tempDir()
        let port = freePort()
        let sandbox = try Background(["sandbox", "--port", "\(port)", "--latency-ms", "30", "--balance", "100000"])
        defer { sandbox.stop() }
        #expect(await sandbox.wait(for: "listening").contains("listening"))
        var csv = "phone,audio\n"
        for i in 0..<300 { csv += "3805\(String(format: "%08d", i)),\(CLI.samples)/provider-ready.wav\n" }
        try csv.write(toFile: dir + "/c.csv", atomically: true, encoding: .utf8)
        let args = ["send", dir + "/c.csv", "--base-url", "http://127.0.0.1:\(port)", "--ledger", dir + "/l.sqlite", "--jobs", "4"]
        let p = try Background(args, env: ["ALPHASMS_API_KEY": "sandbox-key"])
        try await Task.sleep(for: .seconds(2.5))
        kill(p.process.processIdentifier, SIGKILL)
        p.process.waitUntilExit()
        let again = try await CLI.run(args + ["--json"], env: ["ALPHASMS_API_KEY": "sandbox-key"])
        let summary = try #require(again.jsonLines.last)
        let sent = summary["sent"] as? Int ?? -1, unknown = summary["unknown"] as? Int ?? -1
        #expect(sent + unknown == 300, "no row lost: \(summary)")
        #expect(sent > 0)
        let stats = await httpGet("http://127.0.0.1:\(port)/_sandbox/stats")
        let paid = Int(stats.split(separator: "\"paidCalls\":").last?.prefix { $0.isNumber } ?? "") ?? -1
        // Rows killed in flight may have been paid (they are the unknown ones); nothing else was paid twice.
        #expect(paid >= sent && paid <= sent + unknown, "paid \(paid), sent \(sent), unknown \(unknown)")
    }
}

@Suite(.serialized) struct ReconcileCommandTests {
    @Test func unknownRowsAreSettledByHandAndOnlyThenResent() async throws {
        let dir = try CLI.tempDir()
        let env = ["ALPHASMS_API_KEY": "sandbox-key"]
        let lossy = freePort()
        let a = try Background(["sandbox", "--port", "\(lossy)", "--drop-rate", "1"])
        #expect(await a.wait(for: "listening").contains("listening"))
        let first = try await CLI.run(["send", CLI.samples + "/campaign.csv", "--base-url", "http://127.0.0.1:\(lossy)", "--ledger", dir + "/l.sqlite",
                                 "--skip-balance-check", "--json"], cwd: CLI.packageRoot.path, env: env)
        a.stop()
        #expect(first.status == 1)
        #expect(first.jsonLines.last?["unknown"] as? Int == 5)
        let marked = try await CLI.run(["reconcile", "--ledger", dir + "/l.sqlite", "--no-refresh",
                                  "--mark-unsent", "+380 (50) 123-45-67", "--mark-sent", "380677654321=4242"])
        #expect(marked.status == 1, "three rows are still unknown")
        #expect(marked.stdout.contains("3 row(s)"))
        let good = freePort()
        let b = try Background(["sandbox", "--port", "\(good)"])
        defer { b.stop() }
        #expect(await b.wait(for: "listening").contains("listening"))
        let second = try await CLI.run(["send", CLI.samples + "/campaign.csv", "--base-url", "http://127.0.0.1:\(good)", "--ledger", dir + "/l.sqlite", "--json"],
                                 cwd: CLI.packageRoot.path, env: env)
        #expect(second.jsonLines.last?["sentNow"] as? Int == 1, "only the row marked unsent is sent again")
        let refreshed = try await CLI.run(["reconcile", "--ledger", dir + "/l.sqlite", "--base-url", "http://127.0.0.1:\(good)"], env: env)
        #expect(refreshed.stdout.contains("Refreshed the status"))
        let rows = try await CLI.run(["report", "--ledger", dir + "/l.sqlite", "--json"]).jsonLines
        #expect(rows.first { $0["phone"] as? String == "380677654321" }?["providerID"] as? String == "4242")
    }
}
