import Foundation
import NIOCore
import Testing
import VoiceMedia
@testable import VoiceUpload

@Suite struct AlphaSMSTests {
    @Test func voiceCallSucceedsAndDrawsDownTheBalance() async throws {
        try await withSandbox(SandboxConfig(balance: 1)) { sb in
            let client = AlphaSMSClient(baseURL: sb.baseURL, key: sandboxKey)
            let call = try await client.voice(phone: "+380 (50) 123-45-67", file: readyWAV)
            #expect(call == VoiceCall(id: "100500", price: 0.4))
            let second = try await client.voice(phone: "380501234568", file: TestAudio.ready)
            #expect(second.id == "100501")
            let balance = try await client.balance()
            #expect(abs(balance.amount - 0.2) < 1e-9)
            #expect(balance.currency == "UAH")
            await #expect(throws: UploadError.insufficientFunds) { try await client.voice(phone: "380501234567", file: readyWAV) }
            #expect(await sb.paidCalls == 2)
            let trace = try #require(await sb.state.lastUpload)
            #expect(trace.fieldNames == ["key", "phone", "voice"])
            #expect(await sb.state.call(100500)?.phone == "380501234567")
        }
    }

    @Test func statusByIDWithPerItemErrors() async throws {
        // The call stays QUEUED long enough for the first status query even on a loaded machine.
        try await withSandbox(SandboxConfig(webhookDelayMs: 6000)) { sb in
            let client = AlphaSMSClient(baseURL: sb.baseURL, key: sandboxKey)
            let call = try await client.voice(phone: "380501234567", file: readyWAV)
            let first = try await client.status(ids: [call.id, "999"])
            #expect(first.count == 2)
            #expect(first[0] == MessageStatus(id: call.id, status: "QUEUED", type: "voice", error: nil))
            #expect(first[1].id == "999" && first[1].error == "Message not found" && first[1].status == nil)
            await sb.state.settleWebhooks()
            #expect(try await client.status(ids: [call.id])[0].status == "DELIVERED")
            #expect(try await client.status(ids: []).isEmpty)
        }
    }

    @Test func hookAndDTMFAreSentAndTheWebhookArrives() async throws {
        try await Stub.serve([.init(body: "ok")]) { hookBase, hooks in
            try await withSandbox(SandboxConfig(webhookDelayMs: 10)) { sb in
                let client = AlphaSMSClient(baseURL: sb.baseURL, key: sandboxKey)
                let call = try await client.voice(phone: "380501234567", file: readyWAV, hook: hookBase + "/hook/alphasms", dtmf: true)
                #expect(await sb.state.lastUpload?.fieldNames == ["key", "phone", "voice", "hook", "dtmf"])
                await sb.state.settleWebhooks()
                let posted = try #require(await hooks.received.first)
                let obj = try #require(try JSONSerialization.jsonObject(with: posted) as? [String: Any])
                #expect(Loose.string(obj["id"]) == call.id)
                #expect(obj["phone"] as? String == "380501234567")
                #expect(obj["status"] as? String == "DELIVERED")
                #expect(Loose.string(obj["duration"]) != nil)
                #expect(Loose.string(obj["dtmf"]) == String((Int(call.id) ?? 0) % 10))
                #expect(await sb.state.stats().webhooksSent == 1)
            }
        }
    }

    @Test func everyDocumentedErrorStringComesFromTheSandboxAndMaps() async throws {
        let wav = try fileData(readyWAV)
        func key(_ k: String = SandboxConfig.defaultKey) -> FormData.Field { .text("key", k) }
        let phone = FormData.Field.text("phone", "380501234567")
        func voice(_ data: Data) -> FormData.Field { .file("voice", data, filename: "message.wav") }
        var small = Profile.alphasmsVoice
        small.maxSize = 10_000
        let cases: [(SandboxConfig, [FormData.Field], String, UploadError)] = [
            (.init(), [phone, voice(wav)], "API key missing", .missingAPIKey),
            (.init(), [key("nope"), phone, voice(wav)], "Wrong API key", .wrongAPIKey),
            (.init(), [key("sandbox-banned"), phone, voice(wav)], "Banned", .banned),
            (.init(), [key("sandbox-disabled"), phone, voice(wav)], "API disabled", .apiDisabled),
            (.init(), [key("sandbox-ip-denied"), phone, voice(wav)], "IP denied", .ipDenied),
            (.init(), [key(), voice(wav)], "Param \"phone\" is missing", .missingPhone),
            (.init(), [key(), phone], "No sound file", .noSoundFile),
            (.init(), [key(), phone, voice(Data())], "Error uploading file", .uploadFailed),
            (.init(alphaProfile: small), [key(), phone, voice(wav)], "File is too big", .fileTooBig),
            (.init(), [key(), phone, voice(Data("definitely not audio".utf8))], "Invalid file format", .invalidFileFormat),
            (.init(), [key(), phone, voice(try fileData(TestAudio.unsigned8Stereo))], "Unsupported audio format", .unsupportedAudioFormat),
            (.init(), [key(), phone, voice(try fileData(stereoWAV))], "Unsupported audio format", .unsupportedAudioFormat),
            (.init(), [key(), phone, voice(try fileData(TestAudio.tooShort))], "Invalid audio duration", .invalidAudioDuration),
            (.init(), [key(), phone, voice(wav), .text("hook", "not a url")], "Invalid hook URL", .invalidHookURL),
            (.init(balance: 0.1), [key(), phone, voice(wav)], "Insufficient funds", .insufficientFunds),
        ]
        for (config, fields, expected, error) in cases {
            try await withSandbox(config) { sb in
                let obj = try await rawForm(sb.baseURL + "/api/voice.php", fields)
                let message = (obj["errors"] as? [String])?.first
                #expect(message == expected)
                #expect(UploadError.from(providerMessage: expected) == error)
                #expect(error.providerString == expected)
                #expect(await sb.paidCalls == 0)
            }
        }
        #expect(Set(cases.map(\.3.code)).count == UploadError.alphaSMSStrings.count)
    }

    @Test func clientThrowsTypedErrorsFromTheBody() async throws {
        try await withSandbox { sb in
            for (key, error) in [("wrong", UploadError.wrongAPIKey), ("sandbox-banned", .banned), ("sandbox-ip-denied", .ipDenied)] {
                let client = AlphaSMSClient(baseURL: sb.baseURL, key: APIKey(key))
                await #expect(throws: error) { try await client.voice(phone: "380501234567", file: readyWAV) }
            }
            let bad = AlphaSMSClient(baseURL: sb.baseURL, key: APIKey("wrong"))
            await #expect(throws: UploadError.provider("Access denied")) { try await bad.balance() }
        }
    }

    @Test func unknownStringsAreKeptAndGarbageIsUnexpected() async throws {
        let replies: [Stub.Canned] = [
            .init(body: #"{"errors":["Daily limit reached"]}"#),
            .init(body: #"{"errors":"Wrong API key"}"#),
            .init(status: .badGateway, body: "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>",
                  headers: [.contentType: "text/html"]),
            .init(body: "Fatal error: Uncaught Exception in /var/www/api/voice.php:42"),
            .init(body: #"{"result":"ok"}"#),
            .init(body: ""),
            .init(status: .movedPermanently, body: "", headers: [.location: "https://example.com/"]),
        ]
        try await Stub.serve(replies) { base, _ in
            let client = AlphaSMSClient(baseURL: base, key: sandboxKey)
            func attempt() async -> UploadError? {
                do { _ = try await client.voice(phone: "380501234567", file: readyWAV); return nil } catch { return error as? UploadError }
            }
            #expect(await attempt() == .provider("Daily limit reached"))
            #expect(await attempt() == .wrongAPIKey)
            let html = await attempt()
            #expect(html == .unexpectedResponse(status: 502, excerpt: "502 Bad Gateway 502 Bad Gateway nginx"))
            #expect(html?.outcomeUnknown == true)
            guard case let .unexpectedResponse(200, excerpt)? = await attempt() else { Issue.record("PHP error not unexpected"); return }
            #expect(excerpt.hasPrefix("Fatal error: Uncaught Exception"))
            #expect(await attempt() == .unexpectedResponse(status: 200, excerpt: #"{"result":"ok"}"#))
            #expect(await attempt() == .unexpectedResponse(status: 200, excerpt: "(empty body)"))
            let redirect = await attempt()
            #expect(redirect == .unexpectedResponse(status: 301, excerpt: "(empty body)"))
            #expect(redirect?.disposition == .rejected)
        }
    }

    @Test func rejectedFilesAreNeverSent() async throws {
        try await withSandbox { sb in
            let client = AlphaSMSClient(baseURL: sb.baseURL, key: sandboxKey)
            for file in [stereoWAV, TestAudio.unsigned8Stereo, TestAudio.tooShort, samplesDir + "/not-audio.wav"] {
                do {
                    _ = try await client.voice(phone: "380501234567", file: file)
                    Issue.record("\(file) was sent")
                } catch let error as UploadError {
                    guard case .rejectedLocally = error else { Issue.record("\(error)"); continue }
                    #expect(!error.mayHaveReachedProvider)
                    #expect(error.description.contains("--convert uploads a converted copy"))
                }
            }
            await #expect(throws: UploadError.self) { try await client.voice(phone: "380501234567", file: readyWAV, hook: "ftp://example.com/x") }
            await #expect(throws: PhoneError.self) { try await client.voice(phone: "050-12", file: readyWAV) }
            #expect(await sb.state.stats().requests == 0)
        }
    }

    @Test func convertMakesAnAcceptableTemporaryCopy() async throws {
        let before = try fileData(stereoWAV)
        let prepared = try LocalMedia.prepare(stereoWAV, profile: .alphasmsVoice, convert: true)
        #expect(prepared.converted && prepared.path != stereoWAV && prepared.report.ok)
        try await withSandbox { sb in
            let call = try await AlphaSMSClient(baseURL: sb.baseURL, key: sandboxKey).voice(phone: "380501234567", file: prepared.path)
            #expect(!call.id.isEmpty)
        }
        prepared.cleanup()
        #expect(!FileManager.default.fileExists(atPath: prepared.path))
        #expect(try fileData(stereoWAV) == before)
        #expect(throws: UploadError.self) { try LocalMedia.prepare(samplesDir + "/not-audio.wav", profile: .alphasmsVoice, convert: true) }
    }
}
