import Foundation
import Hummingbird
import NIOCore

/// The request context, with the connection, so the drop faults can close it.
public struct SandboxContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// A local stand-in for both providers: AlphaSMS `api/voice.php` and `api/json.php`, and
/// `apiCalls/{createRecord, removeRecord, create, get, userInfo}`, with their request and
/// response shapes and error strings, a balance that paid calls draw down, webhooks, and
/// injectable faults. The README demo and the tests run against it.
///
/// Admin endpoints (not part of either provider): `GET /_sandbox/stats` (counts, including
/// `paidCalls`), `POST /_sandbox/records/{id}/approve` (ends a record's moderation).
public struct Sandbox: Sendable {
    public let config: SandboxConfig
    public let state: SandboxState
    let webhookTransport: HTTPTransport

    public init(config: SandboxConfig = .init()) {
        self.config = config
        state = SandboxState(balance: config.balance, seed: config.seed)
        webhookTransport = HTTPTransport(requestTimeout: .seconds(5))
    }

    /// Calls charged so far (the count a ledger's sent rows must match).
    public var paidCalls: Int { get async { await state.paidCalls } }

    public func router() -> Router<SandboxContext> {
        let router = Router(context: SandboxContext.self)
        let sandbox = self
        router.post("api/voice.php") { request, context in
            try await sandbox.faulty(request, context) { body in try await sandbox.voice(request, body) }
        }
        router.post("api/json.php") { request, context in
            try await sandbox.faulty(request, context) { body in try await sandbox.json(body) }
        }
        router.post("apiCalls/:method") { request, context in
            let method = context.parameters.get("method") ?? ""
            return try await sandbox.faulty(request, context) { body in try await sandbox.apiCalls(method, request, body) }
        }
        router.get("_sandbox/stats") { _, _ in try Reply.encoding(await sandbox.state.stats()).response(slowMs: 0) }
        router.post("_sandbox/records/:id/approve") { _, context in
            guard let id = context.parameters.get("id").flatMap(Int.init), let started = await sandbox.state.approve(id) else {
                return Response(status: .notFound)
            }
            for call in started { sandbox.scheduleWebhook(call.id) }
            return try Reply.json(["approved": id, "started": started.map(\.id)]).response(slowMs: 0)
        }
        return router
    }

    struct Dropped: Error {}

    /// Reads the whole request, then applies the configured faults: a 503, a 500 or a
    /// drop before processing never charges; a lost reply happens after it.
    func faulty(_ request: Request, _ context: SandboxContext, _ handle: @escaping @Sendable (Data) async throws -> Reply) async throws -> Response {
        await state.noteRequest()
        let limit = max(config.alphaProfile.maxSize, config.recordProfile.maxSize) * 4 + (1 << 20)
        let body = Data(buffer: try await request.body.collect(upTo: limit))
        // Like a PHP script, processing goes on when the client hangs up (a client that
        // timed out may still have been charged): an unstructured task, not cancelled
        // with the connection.
        let outcome = try await Task { try await self.process(body, handle) }.value
        switch outcome {
        case let .answer(reply):
            return reply.response(slowMs: config.slowBodyMs)
        case .drop:
            try await context.channel.close(mode: .all)
            throw Dropped()
        }
    }

    enum Outcome {
        case answer(Reply)
        case drop
    }

    func process(_ body: Data, _ handle: @Sendable (Data) async throws -> Reply) async throws -> Outcome {
        if config.latencyMs > 0 { try await Task.sleep(for: .milliseconds(config.latencyMs)) }
        if config.busyRate > 0, await state.draw() < config.busyRate {
            await state.noteBusy()
            var reply = Reply.text("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>", status: .serviceUnavailable)
            reply.headers[.retryAfter] = String(config.retryAfterSeconds)
            return .answer(reply)
        }
        if config.failRate > 0, await state.draw() < config.failRate {
            await state.noteServerError()
            return .answer(Reply.text("<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>",
                                      status: .internalServerError))
        }
        if config.dropRate > 0, await state.draw() < config.dropRate {
            await state.noteDropped()
            return .drop
        }
        let reply = try await handle(body)
        if config.lostReplyRate > 0, await state.draw() < config.lostReplyRate {
            await state.noteLostReply()
            return .drop
        }
        return .answer(reply)
    }
}

/// A finished answer; turned into a Response last so the slow-body fault can pace it.
struct Reply {
    var status: HTTPResponse.Status = .ok
    var headers: HTTPFields = [.contentType: "application/json"]
    var body: ByteBuffer

    func response(slowMs: Int) -> Response {
        guard slowMs > 0 else { return Response(status: status, headers: headers, body: .init(byteBuffer: body)) }
        let bytes = body
        return Response(status: status, headers: headers, body: ResponseBody(contentLength: bytes.readableBytes) { writer in
            var rest = bytes
            while rest.readableBytes > 0, let piece = rest.readSlice(length: min(16, rest.readableBytes)) {
                try await writer.write(piece)
                try await Task.sleep(for: .milliseconds(slowMs))
            }
            try await writer.finish(nil)
        })
    }

    static func json(_ object: [String: Any], status: HTTPResponse.Status = .ok) throws -> Reply {
        Reply(status: status, body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])))
    }

    static func encoding<T: Encodable>(_ value: T) throws -> Reply {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Reply(body: ByteBuffer(bytes: try encoder.encode(value)))
    }

    static func text(_ text: String, status: HTTPResponse.Status) -> Reply {
        Reply(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ByteBuffer(string: text))
    }
}
