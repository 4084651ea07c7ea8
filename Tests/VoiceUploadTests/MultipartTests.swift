import Foundation
import MultipartKit
import NIOCore
import Testing
@testable import VoiceUpload

/// A form part kept whole (headers and bytes), for MultipartKit's strict decoder.
struct RawPart: Decodable, MultipartPartConvertible {
    var multipart: MultipartPart?
    init?(multipart: MultipartPart) { self.multipart = multipart }
    init(from decoder: Decoder) throws { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "parts only")) }
}

struct VoiceForm: Decodable {
    var key: String
    var phone: String
    var voice: RawPart
    var hook: String?
    var dtmf: String?
}

@Suite struct MultipartTests {
    @Test func voiceBodyParsesWithMultipartKitsStrictDecoder() throws {
        let wav = try fileData(readyWAV)
        let boundary = "test-boundary-1234"
        let form = try FormData.encode([
            .text("key", "k-123"), .text("phone", "380501234567"),
            .file("voice", wav, filename: "/some/dir/My \"Message\".wav"),
            .text("hook", "https://example.com/h?x=1"), .text("dtmf", "1"),
        ], boundary: boundary)
        #expect(form.contentType == "multipart/form-data; boundary=\(boundary)")
        let decoded = try FormDataDecoder().decode(VoiceForm.self, from: form.body, boundary: boundary)
        #expect(decoded.key == "k-123" && decoded.phone == "380501234567" && decoded.dtmf == "1")
        #expect(decoded.hook == "https://example.com/h?x=1")
        let part = try #require(decoded.voice.multipart)
        #expect(part.headers.first(name: "Content-Type") == "audio/wav")
        #expect(part.headers.first(name: "Content-Disposition") == "form-data; name=\"voice\"; filename=\"My _Message_.wav\"")
        #expect(Data(buffer: part.body) == wav)
    }

    @Test func uploadsCarryAContentLengthAndNeverChunk() async throws {
        try await withSandbox { sb in
            _ = try await AlphaSMSClient(baseURL: sb.baseURL, key: sandboxKey).voice(phone: "380501234567", file: readyWAV)
            let trace = try #require(await sb.state.lastUpload)
            #expect(trace.endpoint == "api/voice.php")
            #expect(!trace.chunked)
            #expect((trace.contentLength ?? 0) > (try fileData(readyWAV)).count)
            #expect(trace.filename == "provider-ready.wav" && trace.fileContentType == "audio/wav")
            _ = try await ZvonobotClient(baseURL: sb.baseURL, key: sandboxKey).createRecord(name: "n", file: readyWAV)
            let record = try #require(await sb.state.lastUpload)
            #expect(record.endpoint == "apiCalls/createRecord" && record.fieldNames == ["apiKey", "name", "source", "file"] && !record.chunked)
        }
    }

    @Test func theSandboxRefusesChunkedAndBrokenForms() async throws {
        try await withSandbox { sb in
            let form = try FormData.encode([.text("key", SandboxConfig.defaultKey), .text("phone", "380501234567"),
                                            .file("voice", try fileData(readyWAV), filename: "a.wav")])
            var request = HTTPClientRequestBuilder.post(sb.baseURL + "/api/voice.php", contentType: form.contentType)
            let bytes = form.body
            request.body = .stream(AsyncStreamOf(bytes), length: .unknown)
            let reply = try await HTTPTransport.sharedClient.execute(request, timeout: .seconds(20))
            let body = String(buffer: try await reply.body.collect(upTo: 1 << 16))
            #expect(body == #"{"errors":["No sound file"]}"#)
            #expect(await sb.state.lastUpload?.chunked == true)

            var broken = form.body
            broken.moveWriterIndex(to: broken.writerIndex - 10)
            let reply2 = try await HTTPTransport.shared.post(sb.baseURL + "/api/voice.php", contentType: form.contentType, body: broken)
            #expect(String(decoding: reply2.body, as: UTF8.self) == #"{"errors":["Error uploading file"]}"#)
            #expect(await sb.paidCalls == 0)
        }
    }
}

import AsyncHTTPClient

enum HTTPClientRequestBuilder {
    static func post(_ url: String, contentType: String) -> HTTPClientRequest {
        var r = HTTPClientRequest(url: url)
        r.method = .POST
        r.headers.add(name: "Content-Type", value: contentType)
        return r
    }
}

/// The body as a two-piece async sequence, so the client must send it chunked.
struct AsyncStreamOf: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let buffer: ByteBuffer
    init(_ buffer: ByteBuffer) { self.buffer = buffer }
    struct AsyncIterator: AsyncIteratorProtocol {
        var pieces: [ByteBuffer]
        mutating func next() async -> ByteBuffer? { pieces.isEmpty ? nil : pieces.removeFirst() }
    }
    func makeAsyncIterator() -> AsyncIterator {
        var b = buffer
        let half = b.readableBytes / 2
        let first = b.readSlice(length: half) ?? ByteBuffer()
        return AsyncIterator(pieces: [first, b])
    }
}
