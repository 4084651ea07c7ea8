import Foundation
import Testing
import VoiceMedia
@testable import VoiceUpload

/// Runs the built `voiceprep` against an in-process sandbox (skipped when the binary
/// has not been built, e.g. `swift build --target VoiceUploadTests`).
enum Voiceprep {
    static let binary: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL, root.appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent("voiceprep").path }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:] }
    }

    /// Off the cooperative pool: a blocking wait there would starve the in-process
    /// sandbox the child is talking to (two cores, two cooperative threads).
    static func run(_ args: [String], env: [String: String]) async throws -> Result {
        try await BlockingWork.run { try runBlocking(args, env: env) }
    }

    static func runBlocking(_ args: [String], env: [String: String]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary ?? "/nonexistent")
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment["ALPHASMS_API_KEY"] = nil
        environment["ZVONOBOT_API_KEY"] = nil
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        nonisolated(unsafe) var e = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { e = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

@Suite(.enabled(if: Voiceprep.binary != nil, "voiceprep is not built"))
struct CLIUploadTests {
    let secret = "sk-cli-SECRET-5e1f0a77"

    @Test func uploadStatusBalanceAndExitCodes() async throws {
        try await withSandbox(SandboxConfig(key: secret, webhookDelayMs: 20)) { sb in
            let base = ["--base-url", sb.baseURL]
            let env = ["ALPHASMS_API_KEY": secret, "ZVONOBOT_API_KEY": secret]
            var all = ""

            let ok = try await Voiceprep.run(["upload", "alphasms"] + base + ["--phone", "+380 (50) 123-45-67", "--json", readyWAV], env: env)
            #expect(ok.status == 0, "\(ok.stderr)")
            #expect(ok.json["id"] as? String == "100500" && ok.json["price"] as? Double == 0.4)
            all += ok.stdout + ok.stderr

            let rejected = try await Voiceprep.run(["upload", "alphasms"] + base + ["--phone", "380501234567", stereoWAV], env: env)
            #expect(rejected.status == 1 && rejected.stderr.contains("would be rejected"))
            let converted = try await Voiceprep.run(["upload", "alphasms"] + base + ["--phone", "380501234567", "--convert", stereoWAV], env: env)
            #expect(converted.status == 0 && converted.stdout.hasPrefix("queued call 100501"))

            let badPhone = try await Voiceprep.run(["upload", "alphasms"] + base + ["--phone", "+380 50 12", readyWAV], env: env)
            #expect(badPhone.status == 2 && badPhone.stderr.contains("phone \"+380 50 12\""))
            let noKey = try await Voiceprep.run(["upload", "alphasms"] + base + ["--phone", "380501234567", readyWAV], env: [:])
            #expect(noKey.status == 2 && noKey.stderr.contains("set ALPHASMS_API_KEY in the environment or pass --key-file"))

            let wrong = try await Voiceprep.run(["upload", "alphasms"] + base + ["--phone", "380501234567", "--json", readyWAV],
                                          env: ["ALPHASMS_API_KEY": secret + "-old"])
            #expect(wrong.status == 1)
            #expect(wrong.json["error"] as? String == "wrongAPIKey" && wrong.json["ok"] as? Bool == false)
            #expect(wrong.json["mayHaveReachedProvider"] as? Bool == true && wrong.json["outcomeUnknown"] as? Bool == false)
            all += wrong.stdout + wrong.stderr

            let record = try await Voiceprep.run(["upload", "record"] + base + ["--name", "promo", "--json", readyWAV], env: env)
            #expect(record.status == 0 && record.json["callsWillStart"] as? Bool == true && record.json["id"] as? String == "1")
            all += record.stdout + record.stderr

            await sb.state.settleWebhooks()
            let status = try await Voiceprep.run(["status"] + base + ["100500", "999"], env: env)
            #expect(status.status == 1 && status.stdout.contains("100500 DELIVERED") && status.stdout.contains("999 error: Message not found"))
            let balance = try await Voiceprep.run(["balance"] + base + ["--json"], env: env)
            #expect(balance.status == 0 && balance.json["amount"] as? Double == 999.2)
            let userInfo = try await Voiceprep.run(["balance"] + base + ["--provider", "zvonobot"], env: env)
            #expect(userInfo.status == 0 && userInfo.stdout == "balance 999.20\n")
            all += status.stdout + balance.stdout + userInfo.stdout + status.stderr + balance.stderr
            #expect(!all.contains(secret), "the key leaked into CLI output")
            #expect(await sb.paidCalls == 2)
        }
    }

    @Test func keyFileAndUnreachableProvider() async throws {
        let keyFile = TestAudio.dir + "/cli-key"
        try "\(secret)\n".write(toFile: keyFile, atomically: true, encoding: .utf8)
        try await withSandbox(SandboxConfig(key: secret)) { sb in
            let r = try await Voiceprep.run(["balance", "--base-url", sb.baseURL, "--key-file", keyFile], env: [:])
            #expect(r.status == 0 && r.stdout.hasPrefix("balance 1000.00"))
        }
        let down = try await Voiceprep.run(["balance", "--base-url", "http://127.0.0.1:1", "--json"], env: ["ALPHASMS_API_KEY": secret])
        #expect(down.status == 1 && down.json["error"] as? String == "notReached" && down.json["mayHaveReachedProvider"] as? Bool == false)
        #expect(!(down.stdout + down.stderr).contains(secret))
        let badURL = try await Voiceprep.run(["balance", "--base-url", "alphasms.ua"], env: ["ALPHASMS_API_KEY": secret])
        #expect(badURL.status == 2)
    }
}
