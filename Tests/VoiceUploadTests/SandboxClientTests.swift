import Foundation
import NIOCore
import Testing
import VoiceMedia
@testable import VoiceUpload

let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples").path
let readyWAV = samples + "/provider-ready.wav"
let key = APIKey(SandboxConfig.defaultKey)

func withSandbox(_ config: SandboxConfig = .init(), _ body: (RunningSandbox) async throws -> Void) async throws {
    let running = try await Sandbox(config: config).start()
    do { try await body(running) } catch { await running.stop(); throw error }
    await running.stop()
}

/// Posts a hand-made voice.php form, bypassing the client's local checks, to see the provider's own answers.
func rawVoice(_ base: String, fields: [FormData.Field]) async throws -> [String: Any] {
    let form = try FormData.encode(fields)
    let reply = try await HTTPTransport.shared.post(base + "/api/voice.php", contentType: form.contentType, body: form.body)
    return (try JSONSerialization.jsonObject(with: reply.body)) as? [String: Any] ?? [:]
}

@Suite struct SandboxClientTests {
    @Test func voiceCallSucceedsAndDrawsDownTheBalance() async throws {
        try await withSandbox(SandboxConfig(balance: 1)) { sb in
            let client = AlphaSMSClient(baseURL: sb.baseURL, key: key)
            let call = try await client.voice(phone: "+380 (50) 123-45-67", file: readyWAV)
            #expect(call.price == 0.4)
            #expect(Int(call.id) != nil)
            let balance = try await client.balance()
            #expect(abs(balance.amount - 0.6) < 1e-9)
            #expect(balance.currency == "UAH")
            let status = try await client.status(ids: [call.id, "999"])
            #expect(status[0].status != nil && status[0].error == nil)
            #expect(status[1].error == "Message not found")
            _ = try await client.voice(phone: "380501234567", file: readyWAV)
            await #expect(throws: UploadError.insufficientFunds) { try await client.voice(phone: "380501234567", file: readyWAV) }
            #expect(await sb.state.paidCalls == 2)
        }
    }

    @Test func everyMappedErrorString() async throws {
        try await withSandbox { sb in
            let wav = try Data(contentsOf: URL(fileURLWithPath: readyWAV))
            func voicePart(_ data: Data) -> FormData.Field { .init(name: "voice", value: ByteBuffer(bytes: data), filename: "a.wav", contentType: "audio/wav") }
            let cases: [([FormData.Field], UploadError)] = [
                ([.init(name: "phone", value: ByteBuffer(string: "380501234567")), voicePart(wav)], .missingAPIKey),
                ([.init(name: "key", value: ByteBuffer(string: "nope")), voicePart(wav)], .wrongAPIKey),
                ([.init(name: "key", value: ByteBuffer(string: SandboxConfig.defaultKey)), voicePart(wav)], .missingPhone),
                ([.init(name: "key", value: ByteBuffer(string: SandboxConfig.defaultKey)), .init(name: "phone", value: ByteBuffer(string: "380501234567"))], .noSoundFile),
                ([.init(name: "key", value: ByteBuffer(string: SandboxConfig.defaultKey)), .init(name: "phone", value: ByteBuffer(string: "380501234567")),
                  voicePart(Data("not audio at all".utf8))], .invalidFileFormat),
                ([.init(name: "key", value: ByteBuffer(string: SandboxConfig.defaultKey)), .init(name: "phone", value: ByteBuffer(string: "380501234567")),
                  voicePart(try Data(contentsOf: URL(fileURLWithPath: samples + "/stereo-44k1.wav")))], .unsupportedAudioFormat),
                ([.init(name: "key", value: ByteBuffer(string: SandboxConfig.defaultKey)), .init(name: "phone", value: ByteBuffer(string: "380501234567")),
                  voicePart(wav), .init(name: "hook", value: ByteBuffer(string: "not a url"))], .invalidHookURL),
            ]
            for (fields, expected) in cases {
                let obj = try await rawVoice(sb.baseURL, fields: fields)
                let message = (obj["errors"] as? [String])?.first ?? ""
                #expect(UploadError.from(providerMessage: message) == expected, "\(message)")
            }
            #expect(await sb.state.paidCalls == 0)
        }
        for s in ["API disabled", "IP denied", "Banned", "Error uploading file", "File is too big", "Invalid audio duration"] {
            #expect(UploadError.from(providerMessage: s).providerString == s)
        }
        #expect(UploadError.from(providerMessage: "Something new") == .provider("Something new"))
    }

    @Test func eightBitStereoIsUnsupportedByTheSandbox() async throws {
        let dir = NSTemporaryDirectory() + "voiceprep-up-\(UUID().uuidString)"
        var p = Profile.alphasmsVoice
        p.codec = "pcm_u8"; p.sampleRate = 44100; p.channels = 2
        _ = try Converter(profile: p).convert(input: readyWAV, output: dir + "/u8.wav")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try await withSandbox { sb in
            let obj = try await rawVoice(sb.baseURL, fields: [
                .init(name: "key", value: ByteBuffer(string: SandboxConfig.defaultKey)), .init(name: "phone", value: ByteBuffer(string: "380501234567")),
                .init(name: "voice", value: ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: dir + "/u8.wav"))), filename: "u8.wav", contentType: "audio/wav"),
            ])
            #expect((obj["errors"] as? [String]) == ["Unsupported audio format"])
        }
    }

    @Test func clientRefusesFilesTheProviderWouldReject() async throws {
        try await withSandbox { sb in
            let client = AlphaSMSClient(baseURL: sb.baseURL, key: key)
            do {
                _ = try await client.voice(phone: "380501234567", file: samples + "/stereo-44k1.wav")
                Issue.record("expected a local rejection")
            } catch let UploadError.rejectedLocally(_, problems) {
                #expect(problems.contains { $0.contains("44100 Hz") })
            }
            await #expect(throws: UploadError.self) { try await client.voice(phone: "380501234567", file: readyWAV, hook: "ftp://x") }
            await #expect(throws: PhoneError.self) { try await client.voice(phone: "+380 50", file: readyWAV) }
            #expect(await sb.state.paidCalls == 0)
        }
    }

    @Test func malformedAnswersAndFaults() async throws {
        try await withSandbox(SandboxConfig(failRate: 1)) { sb in
            let client = AlphaSMSClient(baseURL: sb.baseURL, key: key)
            do {
                _ = try await client.balance()
                Issue.record("expected unexpectedResponse")
            } catch let UploadError.unexpectedResponse(status, excerpt) {
                #expect(status == 500)
                #expect(excerpt.contains("Internal Server Error"))
            }
        }
        try await withSandbox(SandboxConfig(dropRate: 1)) { sb in
            let client = AlphaSMSClient(baseURL: sb.baseURL, key: key)
            do {
                _ = try await client.voice(phone: "380501234567", file: readyWAV)
                Issue.record("expected noAnswer")
            } catch let UploadError.noAnswer(why) {
                #expect(!why.isEmpty)
            }
            #expect(await sb.state.paidCalls == 0)
        }
        // Nothing listens here: the request provably never left.
        let closed = AlphaSMSClient(baseURL: "http://127.0.0.1:1", key: key)
        do {
            _ = try await closed.balance()
            Issue.record("expected notReached")
        } catch let e as UploadError {
            guard case .notReached = e else { Issue.record("got \(e)"); return }
        }
        // A slow body under a short deadline times out as "no answer", never as "not sent".
        try await withSandbox(SandboxConfig(slowBodyMs: 300)) { sb in
            let client = AlphaSMSClient(baseURL: sb.baseURL, key: key, transport: HTTPTransport(requestTimeout: .milliseconds(400)))
            do {
                _ = try await client.balance()
                Issue.record("expected a timeout")
            } catch let e as UploadError {
                guard case .noAnswer = e else { Issue.record("got \(e)"); return }
            }
        }
    }

    @Test func recordsCallsAndModeration() async throws {
        try await withSandbox(SandboxConfig(moderation: true)) { sb in
            let client = ZvonobotClient(baseURL: sb.baseURL, key: key)
            let record = try await client.createRecord(name: "otp", file: readyWAV)
            #expect(record.needsModeration)
            #expect(record.moderation.contains("moderation"))
            let text = try await client.createRecord(name: "t", text: "Привіт")
            let calls = try await client.create(recordID: record.id, phones: ["+380 50 123 45 67", "380671112233"])
            #expect(calls.count == 2)
            let info = try await client.get(ids: calls.map(\.id))
            #expect(info.count == 2 && info.allSatisfy { $0.status == "queued" })
            let user = try await client.userInfo()
            #expect(abs((user.balance ?? 0) - (1000 - 0.8)) < 1e-9)
            try await client.removeRecord(ids: [text.id])
            await #expect(throws: UploadError.provider("Record not found")) { try await client.create(recordID: text.id, phones: ["380501234567"]) }
            let bad = ZvonobotClient(baseURL: sb.baseURL, key: APIKey("wrong-key-123"))
            await #expect(throws: UploadError.wrongAPIKey) { try await bad.userInfo() }
        }
    }

    @Test func apiKeyNeverAppearsInErrorsOrDescriptions() async throws {
        let secret = APIKey("super-secret-key-42")
        #expect(!"\(secret)".contains("super-secret"))
        #expect(!String(reflecting: secret).contains("super-secret"))
        try await withSandbox(SandboxConfig(failRate: 1)) { sb in
            let client = AlphaSMSClient(baseURL: sb.baseURL, key: secret)
            do { _ = try await client.balance() } catch {
                #expect(!"\(error)".contains("super-secret"))
                #expect(!String(reflecting: error).contains("super-secret"))
            }
            #expect(!String(reflecting: client).contains("super-secret"))
        }
    }

    @Test func phoneNormalisation() throws {
        #expect(try PhoneNumber.normalise("+380 (50) 123-45-67") == "380501234567")
        #expect(try PhoneNumber.normalise("0501234567") == "380501234567")
        #expect(try PhoneNumber.normalise("+7 (916) 123-45-67") == "79161234567")
        #expect(throws: PhoneError.self) { try PhoneNumber.normalise("+380 50 123") }
        #expect(throws: PhoneError.self) { try PhoneNumber.normalise("call me") }
    }
}
