import Foundation
import Hummingbird
import Logging

extension Sandbox {
    public func application(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        var logger = Logger(label: "voiceprep-sandbox")
        logger.logLevel = .warning
        return Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "voiceprep-sandbox"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Starts the sandbox in this process (port 0 picks a free port) and returns once it listens.
    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> RunningSandbox {
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let app = application(host: host, port: port) { bound in continuation.yield(bound) }
        let task = Task { try await app.runService() }
        var iterator = stream.makeAsyncIterator()
        guard let bound = await iterator.next() else { throw CancellationError() }
        return RunningSandbox(port: bound, host: host, state: state, task: task)
    }
}

public struct RunningSandbox: Sendable {
    public let port: Int
    public let host: String
    public let state: SandboxState
    let task: Task<Void, Error>

    public var baseURL: String { "http://\(host):\(port)" }

    public func stop() async {
        task.cancel()
        _ = await task.result
    }
}
