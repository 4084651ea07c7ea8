import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One shared HTTP client for every provider request, with a connect timeout and a
/// deadline on the whole exchange (response body included). Failures come out as
/// `UploadError`s sorted by whether the request could have reached the provider,
/// which is what decides whether a retry is safe.
public struct HTTPTransport: Sendable {
    /// Deadline for one request, from the first connect attempt to the last body byte.
    public var requestTimeout: TimeAmount
    let client: HTTPClient

    /// The process-wide client. Never shut down: it lives as long as the process.
    public static let sharedClient: HTTPClient = {
        var config = HTTPClient.Configuration(
            // A paid POST must never be replayed as a GET (or re-POSTed) behind our back:
            // a redirect surfaces as an unexpected answer that names the status.
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10), read: .seconds(60)),
            decompression: .disabled)
        // Fail fast on refused/DNS errors instead of retrying the connect until the
        // deadline: the caller decides about retries, and "not reached" is then certain.
        config.connectionPool.retryConnectionEstablishment = false
        // PHP front ends close idle keep-alive connections after a few seconds; reusing a
        // connection the server is closing turns a sure "not sent" into an "unknown".
        config.connectionPool.idleTimeout = .seconds(4)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: config)
    }()

    public static let shared = HTTPTransport()

    public init(requestTimeout: TimeAmount = .seconds(60), client: HTTPClient = HTTPTransport.sharedClient) {
        self.requestTimeout = requestTimeout
        self.client = client
    }

    public struct Reply: Sendable {
        public var status: Int
        public var headers: HTTPHeaders
        public var body: Data
    }

    static let maxReplyBytes = 1 << 20

    /// POSTs `body` with a Content-Length (never chunked: PHP endpoints mishandle
    /// chunked uploads) and returns whatever came back; status codes are not judged here.
    public func post(_ url: String, contentType: String, body: ByteBuffer) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "voiceprep/0.1")
        request.body = .bytes(body)
        let client = self.client, timeout = requestTimeout
        let deadline = NIODeadline.now() + timeout
        let started = request
        do {
            return try await withThrowingTaskGroup(of: Reply?.self) { group in
                group.addTask {
                    let response = try await client.execute(started, deadline: deadline)
                    let buffer = try await response.body.collect(upTo: Self.maxReplyBytes)
                    return Reply(status: Int(response.status.code), headers: response.headers, body: Data(buffer: buffer))
                }
                group.addTask {
                    // The client's own deadline stops at the response head; this one bounds the
                    // body too. It fires a little later so the client's classification of a
                    // request stuck before sending (connect timeout) wins when it applies.
                    try await Task.sleep(nanoseconds: UInt64(max(0, timeout.nanoseconds)) + 50_000_000)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let reply = first else {
                    throw UploadError.noAnswer("no complete answer within \(Self.seconds(timeout))")
                }
                return reply
            }
        } catch let error as UploadError {
            throw error
        } catch is NIOTooManyBytesError {
            throw UploadError.unexpectedResponse(status: 200, excerpt: "an answer larger than \(Self.maxReplyBytes) bytes")
        } catch {
            throw TransportErrors.classify(error)
        }
    }

    static func seconds(_ t: TimeAmount) -> String {
        let s = Double(t.nanoseconds) / 1e9
        return s >= 1 ? String(format: "%.0f s", s) : String(format: "%.0f ms", s * 1000)
    }
}

extension Data {
    init(buffer: ByteBuffer) {
        var b = buffer
        self = Data(b.readBytes(length: b.readableBytes) ?? [])
    }
}
