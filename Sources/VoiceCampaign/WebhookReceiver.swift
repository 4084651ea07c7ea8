import Crypto
import Foundation
import Hummingbird

/// `voiceprep webhook`: receives status webhooks under a secret path token and stores
/// them in the ledger idempotently. Providers retry until they get 200, so duplicates
/// answer 200 too (and change nothing); bad bodies answer 400, a wrong token 404.
public struct WebhookReceiver: Sendable {
    public let ledger: Ledger
    public let token: String

    public init(ledger: Ledger, token: String) {
        self.ledger = ledger
        self.token = token
    }

    public static func newToken() -> String {
        SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }.joined()
    }

    public func path(provider: String) -> String { "/hook/\(token)/\(provider)" }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        let ledger = self.ledger, token = self.token
        router.post("hook/:token/:provider") { request, context -> Response in
            guard let given = context.parameters.get("token"), Self.constantTimeEqual(given, token) else {
                return Response(status: .notFound)
            }
            let provider = context.parameters.get("provider") ?? ""
            var buffer = try await request.body.collect(upTo: 256 * 1024)
            let body = Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
            var query: [String: String] = [:]
            for (k, v) in request.uri.queryParameters { query[String(k)] = String(v) }
            let reports: [CallReport]
            do {
                reports = try WebhookParser.parse(provider: provider, body: body, contentType: request.headers[.contentType], query: query)
            } catch {
                return Response(status: .badRequest, body: .init(byteBuffer: ByteBuffer(string: "\(error)\n")))
            }
            let digest = SHA256.hash(data: Data(provider.utf8) + body + Data(query.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: "&").utf8))
                .map { String(format: "%02x", $0) }.joined()
            var outcomes: [String] = []
            for (i, r) in reports.enumerated() {
                let outcome = try ledger.applyWebhook(provider: r.provider, providerID: r.providerID, status: r.status, duration: r.duration,
                                                      dtmf: r.dtmf, digest: "\(digest)-\(i)", body: String(decoding: body.prefix(4096), as: UTF8.self))
                outcomes.append(outcome.rawValue)
            }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: outcomes.joined(separator: ",") + "\n")))
        }
        return router
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
