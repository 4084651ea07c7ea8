import ArgumentParser
import Foundation
import Hummingbird
import VoiceUpload

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local provider sandbox: AlphaSMS voice.php/json.php and apiCalls/* with their error strings, a balance, webhooks and fault injection.",
        discussion: "Its API key is `sandbox-key` unless --key-file says otherwise. GET /_sandbox/stats reports paid calls and balance.")

    @Option(help: "Port (0 picks a free one).") var port = 8089
    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(name: .customLong("key-file"), help: "File holding the key the sandbox accepts.") var keyFile: String?
    @Option(help: "Starting balance.") var balance = 1000.0
    @Option(help: "Price per call.") var price = 0.40
    @Flag(help: "Records need moderation (their calls never start).") var moderation = false
    @Option(name: .customLong("latency-ms"), help: "Added latency per request.") var latencyMs = 0
    @Option(name: .customLong("fail-rate"), help: "Share of requests answered with HTTP 500 (0…1).") var failRate = 0.0
    @Option(name: .customLong("drop-rate"), help: "Share of requests whose connection is dropped after reading (0…1).") var dropRate = 0.0
    @Option(name: .customLong("slow-body-ms"), help: "Delay between 16-byte chunks of every answer.") var slowBodyMs = 0
    @Option(help: "Seed for fault injection.") var seed: UInt64 = 1

    func validate() throws {
        if !(0...1).contains(failRate) || !(0...1).contains(dropRate) { throw ValidationError("--fail-rate and --drop-rate are shares between 0 and 1") }
    }

    func run() async throws {
        var key = SandboxConfig.defaultKey
        if let keyFile {
            guard let k = try? String(contentsOfFile: keyFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), !k.isEmpty else {
                throw UsageError("--key-file \(keyFile): cannot read a key")
            }
            key = k
        }
        let config = SandboxConfig(key: key, balance: balance, price: price, moderation: moderation, latencyMs: latencyMs,
                                   failRate: failRate, dropRate: dropRate, slowBodyMs: slowBodyMs, seed: seed)
        let host = self.host
        let app = Sandbox(config: config).application(host: host, port: port) { bound in
            FileHandle.standardOutput.write(Data("sandbox listening on http://\(host):\(bound) (key: \(keyFile == nil ? "sandbox-key" : "from \(keyFile ?? "")"))\n".utf8))
        }
        try await app.runService()
    }
}
