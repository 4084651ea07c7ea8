import ArgumentParser
import Foundation
import VoiceUpload

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local provider sandbox: AlphaSMS voice.php/json.php and apiCalls/* with their error strings, a balance, webhooks and fault injection.",
        discussion: """
        It accepts the key `sandbox-key` unless --key or --key-file says otherwise; the keys \
        sandbox-banned, sandbox-disabled and sandbox-ip-denied get Banned, API disabled and IP denied. \
        GET /_sandbox/stats reports paid calls, balance and injected faults; \
        POST /_sandbox/records/{id}/approve ends a record's moderation. Point clients at it with \
        --base-url http://HOST:PORT.
        """)

    @Option(help: "Port (0 picks a free one).") var port = 8089
    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "The key the sandbox accepts (a test key, not a secret).") var key: String?
    @Option(name: .customLong("key-file"), help: "File holding the key the sandbox accepts.") var keyFile: String?
    @Option(help: "Starting balance.") var balance = 1000.0
    @Option(help: "Price per call.") var price = 0.40
    @Flag(help: "New records need moderation (their calls wait until approved).") var moderation = false
    @Option(name: .customLong("latency-ms"), help: "Added latency per request.") var latencyMs = 0
    @Option(name: .customLong("fail-rate"), help: "Share of requests answered with an HTML 500 before processing (0…1).") var failRate = 0.0
    @Option(name: .customLong("drop-rate"), help: "Share of requests whose connection is closed before processing (0…1).") var dropRate = 0.0
    @Option(name: .customLong("lost-reply-rate"), help: "Share of requests processed (and charged) whose answer is then lost (0…1).") var lostReplyRate = 0.0
    @Option(name: .customLong("busy-rate"), help: "Share of requests answered 503 with Retry-After (0…1).") var busyRate = 0.0
    @Option(name: .customLong("retry-after"), help: "Seconds in Retry-After of the 503s.") var retryAfter = 1
    @Option(name: .customLong("slow-body-ms"), help: "Pause between 16-byte pieces of every answer.") var slowBodyMs = 0
    @Option(name: .customLong("webhook-delay-ms"), help: "How long after a call its final status and webhook come.") var webhookDelayMs = 200
    @Option(help: "Seed for fault injection.") var seed: UInt64 = 1

    func validate() throws {
        for (name, rate) in [("--fail-rate", failRate), ("--drop-rate", dropRate), ("--lost-reply-rate", lostReplyRate), ("--busy-rate", busyRate)]
        where !(0...1).contains(rate) {
            throw ValidationError("\(name) is a share between 0 and 1")
        }
        if key != nil, keyFile != nil { throw ValidationError("give --key or --key-file, not both") }
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0…65535") }
    }

    func run() async throws {
        var accepted = key ?? SandboxConfig.defaultKey
        if let keyFile {
            guard let text = try? String(contentsOfFile: keyFile, encoding: .utf8),
                  let first = text.split(whereSeparator: \.isNewline).first?.trimmingCharacters(in: .whitespaces), !first.isEmpty else {
                throw UsageError("--key-file \(keyFile): cannot read a key from its first line")
            }
            accepted = first
        }
        let config = SandboxConfig(key: accepted, balance: balance, price: price, moderation: moderation, latencyMs: latencyMs,
                                   failRate: failRate, dropRate: dropRate, lostReplyRate: lostReplyRate, busyRate: busyRate,
                                   retryAfterSeconds: retryAfter, slowBodyMs: slowBodyMs, webhookDelayMs: webhookDelayMs, seed: seed)
        let host = self.host
        let keyNote = key == nil && keyFile == nil ? "key: sandbox-key" : "key: as given"
        let app = Sandbox(config: config).application(host: host, port: port) { bound in
            // Unbuffered: scripts wait for this line to learn the port.
            FileHandle.standardOutput.write(Data("sandbox listening on http://\(host):\(bound) (\(keyNote)); stats: GET /_sandbox/stats\n".utf8))
        }
        try await app.runService()
    }
}
