import Foundation
import Hummingbird
import Logging
import NIOCore
import VoiceMedia
@testable import VoiceUpload

let samplesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Samples").path
let readyWAV = samplesDir + "/provider-ready.wav"
let stereoWAV = samplesDir + "/stereo-44k1.wav"
let sandboxKey = APIKey(SandboxConfig.defaultKey)

func withSandbox(_ config: SandboxConfig = .init(), _ body: (RunningSandbox) async throws -> Void) async throws {
    let running = try await Sandbox(config: config).start()
    do { try await body(running) } catch {
        await running.stop()
        throw error
    }
    await running.stop()
}

/// Test audio made in code, once per process.
enum TestAudio {
    static let dir: String = {
        let d = NSTemporaryDirectory() + "voiceprep-upload-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }()

    static func tone(seconds: Double, rate: Int = 8000) -> [Float] {
        (0..<Int(seconds * Double(rate))).map { i in 0.3 * sin(2 * Float.pi * 440 * Float(i) / Float(rate)) }
    }

    static func make(_ name: String, seconds: Double, profile: Profile) -> String {
        let path = dir + "/" + name
        if FileManager.default.fileExists(atPath: path) { return path }
        var p = profile
        p.minDuration = 0.05
        p.maxDuration = 10_000
        p.maxSize = 1 << 30
        p.trimSilence = false
        _ = try? Converter(profile: p).convert(samples: tone(seconds: seconds), sampleRate: 8000, label: name, output: path)
        return path
    }

    /// 2 s, 8 kHz, 16-bit mono: what both providers accept.
    static var ready: String { make("ready.wav", seconds: 2, profile: .alphasmsVoice) }
    /// 8-bit, 44.1 kHz, stereo: `Unsupported audio format`.
    static var unsigned8Stereo: String {
        var p = Profile.alphasmsVoice
        p.codec = "pcm_u8"
        p.sampleRate = 44100
        p.channels = 2
        return make("u8-44k1-stereo.wav", seconds: 1, profile: p)
    }
    /// 0.3 s: `Invalid audio duration`.
    static var tooShort: String { make("short.wav", seconds: 0.3, profile: .alphasmsVoice) }
}

/// Posts a hand-made form to the sandbox, bypassing the clients' local checks, to see
/// the provider's own answers.
func rawForm(_ url: String, _ fields: [FormData.Field]) async throws -> [String: Any] {
    let form = try FormData.encode(fields)
    let reply = try await HTTPTransport.shared.post(url, contentType: form.contentType, body: form.body)
    return (try JSONSerialization.jsonObject(with: reply.body)) as? [String: Any] ?? [:]
}

func fileData(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

/// A server that answers every POST with canned replies, in order (the last one repeats):
/// for bodies no honest sandbox produces (HTML, garbage, odd shapes, echoes).
actor Stub {
    struct Canned: Sendable {
        var status: HTTPResponse.Status = .ok
        var body: String
        var headers: HTTPFields = [.contentType: "application/json"]
        /// Echo the request body into the reply (replaces "{{body}}").
        var echo = false
    }

    var replies: [Canned]
    private(set) var received: [Data] = []

    init(_ replies: [Canned]) { self.replies = replies }

    func next(_ request: Data) -> Canned {
        received.append(request)
        return replies.count > 1 ? replies.removeFirst() : replies[0]
    }

    static func serve(_ replies: [Canned], _ body: (String, Stub) async throws -> Void) async throws {
        let stub = Stub(replies)
        let router = Router()
        router.post("**") { request, _ -> Response in
            let data = Data(buffer: try await request.body.collect(upTo: 16 << 20))
            let canned = await stub.next(data)
            let text = canned.echo ? canned.body.replacingOccurrences(of: "{{body}}", with: String(decoding: data, as: UTF8.self)) : canned.body
            return Response(status: canned.status, headers: canned.headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "stub")
        logger.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var port = 0
        for await p in stream {
            port = p
            break
        }
        do { try await body("http://127.0.0.1:\(port)", stub) } catch {
            task.cancel()
            _ = await task.result
            throw error
        }
        task.cancel()
        _ = await task.result
    }
}
