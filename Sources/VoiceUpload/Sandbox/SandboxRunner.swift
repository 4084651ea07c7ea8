import Foundation
import Hummingbird
import Logging

extension Sandbox {
    /// The Hummingbird application, for `voiceprep sandbox` and for tests.
    public func application(host: String, port: Int, logLevel: Logger.Level = .warning,
                            onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        var logger = Logger(label: "voiceprep-sandbox")
        logger.logLevel = logLevel
        return Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "voiceprep-sandbox"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Starts the sandbox in this process (port 0 picks a free port) and returns once it
    /// listens. Stop it with `RunningSandbox.stop()`. Stopping cancels the server, which
    /// Hummingbird logs as errors; hence `.critical` by default.
    public func start(host: String = "127.0.0.1", port: Int = 0, logLevel: Logger.Level = .critical) async throws -> RunningSandbox {
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let app = application(host: host, port: port, logLevel: logLevel) { bound in continuation.yield(bound) }
        let task = Task {
            defer { continuation.finish() }
            try await app.runService(gracefulShutdownSignals: [])
        }
        var bound: Int?
        for await port in stream {
            bound = port
            break
        }
        guard let bound else {
            // The server ended before listening (port taken, bad host): report why.
            try await task.value
            throw SandboxError(host: host, port: port)
        }
        return RunningSandbox(sandbox: self, host: host, port: bound, task: task)
    }
}

public struct SandboxError: Error, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var description: String { "the sandbox could not listen on \(host):\(port)" }
}

/// A sandbox listening in this process.
public struct RunningSandbox: Sendable {
    public let sandbox: Sandbox
    public let host: String
    public let port: Int
    let task: Task<Void, Error>

    public var state: SandboxState { sandbox.state }
    /// The site root for both clients (`--base-url`).
    public var baseURL: String { "http://\(host):\(port)" }
    public var paidCalls: Int { get async { await sandbox.state.paidCalls } }

    /// Stops listening and cancels webhooks not yet sent.
    public func stop() async {
        await sandbox.state.cancelWebhooks()
        task.cancel()
        _ = await task.result
    }
}
