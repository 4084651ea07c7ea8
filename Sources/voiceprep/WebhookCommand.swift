import ArgumentParser
import Foundation
import Hummingbird
import Logging
import VoiceCampaign

struct WebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook",
        abstract: "Receive provider status webhooks and store status and DTMF answers in the ledger.",
        discussion: """
        Requests must carry the secret path token printed at start (set a stable one with \
        VOICEPREP_WEBHOOK_TOKEN so hook URLs survive restarts). Repeated webhooks change nothing.
        """)

    @Option(help: "Address to listen on, HOST:PORT.") var listen = "127.0.0.1:8088"
    @Option(help: "Ledger database.") var ledger = ".voiceprep/ledger.sqlite"

    func run() async throws {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
            throw UsageError("--listen \(listen): expected HOST:PORT, e.g. 127.0.0.1:8088")
        }
        let host = String(listen[..<colon])
        let store: Ledger
        do { store = try Ledger(path: ledger) } catch { throw UsageError("\(error)") }
        let token = ProcessInfo.processInfo.environment["VOICEPREP_WEBHOOK_TOKEN"].flatMap { $0.isEmpty ? nil : $0 } ?? WebhookReceiver.newToken()
        let receiver = WebhookReceiver(ledger: store, token: token)
        var logger = Logger(label: "voiceprep-webhook")
        logger.logLevel = .warning
        let app = Application(
            router: receiver.router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "voiceprep-webhook"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                // Written unbuffered: scripts wait for these lines to learn the hook URLs.
                let text = """
                Listening for webhooks on http://\(host):\(bound); ledger \(ledger)
                  AlphaSMS hook URL:   http://\(host):\(bound)\(receiver.path(provider: "alphasms"))
                  apiCalls webhookUrl: http://\(host):\(bound)\(receiver.path(provider: "zvonobot"))

                """
                FileHandle.standardOutput.write(Data(text.utf8))
            },
            logger: logger)
        try await app.runService()
    }
}
