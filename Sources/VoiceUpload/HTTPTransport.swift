import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One shared HTTP client for every provider call, with a connect timeout and a
/// whole-request deadline; failures are sorted by whether the request could have
/// reached the provider, which is what decides if a retry is safe.
public struct HTTPTransport: Sendable {
    public var requestTimeout: TimeAmount
    let client: HTTPClient

    public static let shared = HTTPTransport()

    /// One client for the process, whose connect timeout is well inside any request
    /// deadline: a refused or unroutable connection is reported as "not sent" quickly.
    public static let client = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: .init(timeout: .init(connect: .seconds(3), read: .seconds(60))))

    public init(requestTimeout: TimeAmount = .seconds(60), client: HTTPClient = HTTPTransport.client) {
        self.requestTimeout = requestTimeout
        self.client = client
    }

    public struct Reply: Sendable {
        public var status: Int
        public var headers: HTTPHeaders
        public var body: Data
    }

    public func post(_ url: String, contentType: String, body: ByteBuffer) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "voiceprep/0.1")
        // A ByteBuffer body is sent with Content-Length: PHP endpoints mishandle chunked uploads.
        request.body = .bytes(body)
        let client = self.client, timeout = requestTimeout
        let prepared = request
        do {
            // The client's deadline covers the response head only; the race bounds the whole exchange.
            return try await withThrowingTaskGroup(of: Reply.self) { group in
                group.addTask {
                    let response = try await client.execute(prepared, timeout: timeout)
                    var buffer = try await response.body.collect(upTo: 4 << 20)
                    let data = Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
                    return Reply(status: Int(response.status.code), headers: response.headers, body: data)
                }
                group.addTask {
                    try await Task.sleep(nanoseconds: UInt64(max(0, timeout.nanoseconds)))
                    throw UploadError.noAnswer("no complete answer within \(timeout.nanoseconds / 1_000_000) ms")
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw UploadError.noAnswer("no answer") }
                return first
            }
        } catch let e as UploadError {
            throw e
        } catch {
            throw Self.classify(error)
        }
    }

    static func classify(_ error: Error) -> UploadError {
        let text = String(describing: error)
        let lower = text.lowercased()
        let neverSent = ["connecttimeout", "connection refused", "connectionrefused", "econnrefused", "nioconnectionerror",
                         "dns", "resolution", "unknown host", "handshake", "invalidurl", "emptyhost", "unsupportedscheme"]
        if neverSent.contains(where: { lower.contains($0) }) { return .notReached(text) }
        return .noAnswer(text)
    }
}

/// multipart/form-data bodies through multipart-kit, assembled in memory so the length is known.
enum FormData {
    struct Field {
        var name: String
        var value: ByteBuffer
        var filename: String?
        var contentType: String?
    }

    static func encode(_ fields: [Field]) throws -> (contentType: String, body: ByteBuffer) {
        let boundary = "voiceprep-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let parts = fields.map { f -> MultipartPart in
            var headers = HTTPHeaders()
            var disposition = "form-data; name=\"\(f.name)\""
            if let filename = f.filename { disposition += "; filename=\"\(filename.replacingOccurrences(of: "\"", with: "_"))\"" }
            headers.add(name: "Content-Disposition", value: disposition)
            if let t = f.contentType { headers.add(name: "Content-Type", value: t) }
            return MultipartPart(headers: headers, body: f.value)
        }
        var buffer = ByteBuffer()
        try MultipartSerializer().serialize(parts: parts, boundary: boundary, into: &buffer)
        return ("multipart/form-data; boundary=\(boundary)", buffer)
    }
}

import MultipartKit
