import CSndFile
import Foundation
import Testing
@testable import VoiceMedia

@Suite struct ValidatorTests {
    let profile = Profile.alphasmsVoice

    func codes(_ r: ValidationReport) -> Set<ProblemCode> { Set(r.problems.map(\.code)) }

    @Test func providerReadyFileIsAccepted() throws {
        let dir = try TestAudio.tempDir()
        let path = try TestAudio.write(dir + "/ok.wav", TestAudio.speechLike(seconds: 3, rate: 8000, amplitude: 0.35), rate: 8000)
        // Bring it to the target first so only format facts are under test.
        let out = dir + "/ready.wav"
        _ = try Converter(profile: profile).convert(input: path, output: out)
        let r = Validator.validate(path: out, profile: profile)
        #expect(r.ok, "\(r.problems)")
        #expect(r.problems.isEmpty, "\(r.problems)")
        #expect(r.format?.container == "wav")
        #expect(r.format?.codec == "pcm_s16")
        #expect(r.format?.sampleRate == 8000)
        #expect(r.format?.channels == 1)
    }

    @Test func everyFormatProblemIsReportedNotJustTheFirst() throws {
        let dir = try TestAudio.tempDir()
        let path = try TestAudio.write(dir + "/s.flac", TestAudio.speechLike(seconds: 2, rate: 44100, channels: 2), rate: 44100, channels: 2,
                                       format: Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_24))
        let r = Validator.validate(path: path, profile: profile)
        #expect(!r.ok)
        #expect(codes(r).isSuperset(of: [.invalidFileFormat, .unsupportedAudioFormat]))
        let msg = r.problems.first { $0.code == .unsupportedAudioFormat }?.message ?? ""
        #expect(msg.contains("44100 Hz"))
        #expect(msg.contains("2 channels"))
        #expect(msg.contains("pcm_s24"))
        #expect(msg.contains("voiceprep convert"))
    }

    @Test(arguments: [
        ("empty", Data()),
        ("random", Data((0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })),
        ("text", Data("hello, this is not audio\n".utf8)),
    ])
    func notAudioIsInvalidFileFormat(name: String, bytes: Data) throws {
        let dir = try TestAudio.tempDir()
        let path = dir + "/\(name).wav"
        FileManager.default.createFile(atPath: path, contents: bytes)
        let r = Validator.validate(path: path, profile: profile)
        #expect(!r.ok)
        #expect(r.format == nil)
        #expect(codes(r) == [.invalidFileFormat])
    }

    @Test func missingFileIsReportedNotThrown() {
        let r = Validator.validate(path: "/nonexistent/file.wav", profile: profile)
        #expect(!r.ok)
        #expect(r.problems.first?.message.contains("No such file") == true)
    }

    @Test func truncatedWavIsInvalid() throws {
        let dir = try TestAudio.tempDir()
        let path = try TestAudio.write(dir + "/t.wav", TestAudio.speechLike(seconds: 2, rate: 8000), rate: 8000)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
        let r = Validator.validate(path: path, profile: profile)
        #expect(!r.ok)
        #expect(r.problems.contains { $0.code == .invalidFileFormat && $0.message.contains("truncated") })
    }

    @Test func headerClaimingGigabytesIsInvalid() throws {
        let dir = try TestAudio.tempDir()
        let path = try TestAudio.write(dir + "/g.wav", TestAudio.speechLike(seconds: 1.5, rate: 8000), rate: 8000)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // RIFF size and data size both claim ~3 GB.
        for offset in [4, 40] { bytes[offset] = 0; bytes[offset + 1] = 0; bytes[offset + 2] = 0; bytes[offset + 3] = 0xB0 }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let r = Validator.validate(path: path, profile: profile)
        #expect(!r.ok)
        #expect(codes(r).contains(.invalidFileFormat))
    }

    @Test func nonFiniteFloatSamplesAreAnError() throws {
        let dir = try TestAudio.tempDir()
        var s = TestAudio.speechLike(seconds: 2, rate: 8000)
        s[100] = .nan
        s[200] = .infinity
        let path = try TestAudio.write(dir + "/nan.wav", s, rate: 8000, format: Int32(SF_FORMAT_WAV | SF_FORMAT_FLOAT))
        let r = Validator.validate(path: path, profile: profile)
        #expect(codes(r).contains(.nonFiniteSamples))
        #expect(r.analysis?.nonFiniteSamples == 2)
    }

    @Test func digitalSilenceIsSilent() throws {
        let dir = try TestAudio.tempDir()
        let path = try TestAudio.write(dir + "/quiet.wav", TestAudio.silence(seconds: 2, rate: 8000), rate: 8000)
        let r = Validator.validate(path: path, profile: profile)
        #expect(!r.ok)
        #expect(codes(r).contains(.silent))
    }

    @Test func contentWarnings() throws {
        let dir = try TestAudio.tempDir()
        let rate = 8000
        // 2 s of silence, hard-clipped loud tone with DC offset, 2 s of silence.
        var s = TestAudio.silence(seconds: 2, rate: rate)
        s += TestAudio.speechLike(seconds: 2, rate: rate, amplitude: 3).map { max(-1, min(1, $0)) }
        s += TestAudio.silence(seconds: 2, rate: rate)
        s = s.map { max(-1, min(1, $0 + 0.05)) }
        let path = try TestAudio.write(dir + "/w.wav", s, rate: rate, format: Int32(SF_FORMAT_WAV | SF_FORMAT_FLOAT))
        let r = Validator.validate(path: path, profile: profile)
        let c = codes(r)
        #expect(c.contains(.clipping))
        #expect(c.contains(.dcOffset))
        #expect(c.contains(.longLeadingSilence))
        #expect(c.contains(.longTrailingSilence))
        #expect(c.contains(.loudnessOffTarget))
        let lead = r.analysis?.leadingSilence ?? 0
        #expect(abs(lead - 2) < 0.05)
        #expect(r.problems.allSatisfy { !$0.message.isEmpty })
    }

    @Test func nearSilentIsAWarning() throws {
        let dir = try TestAudio.tempDir()
        let path = try TestAudio.write(dir + "/ns.wav", TestAudio.speechLike(seconds: 3, rate: 8000, amplitude: 0.003), rate: 8000)
        let r = Validator.validate(path: path, profile: profile)
        #expect(codes(r).contains(.nearSilent))
        #expect(!codes(r).contains(.silent))
    }

    @Test func durationAndSizeLimits() throws {
        let dir = try TestAudio.tempDir()
        var p = profile
        p.maxDuration = 2
        p.maxSize = 20_000
        let long = try TestAudio.write(dir + "/long.wav", TestAudio.speechLike(seconds: 3, rate: 8000), rate: 8000)
        let r = Validator.validate(path: long, profile: p)
        #expect(codes(r).isSuperset(of: [.invalidAudioDuration, .fileTooBig]))
        let short = try TestAudio.write(dir + "/short.wav", TestAudio.speechLike(seconds: 0.5, rate: 8000), rate: 8000)
        #expect(codes(Validator.validate(path: short, profile: profile)).contains(.invalidAudioDuration))
    }

    @Test func reportEncodesAsJSONWithoutInfinities() throws {
        let dir = try TestAudio.tempDir()
        let path = try TestAudio.write(dir + "/z.wav", TestAudio.silence(seconds: 1.5, rate: 8000), rate: 8000)
        let r = Validator.validate(path: path, profile: profile)
        let data = try JSONEncoder().encode(r)
        let back = try JSONDecoder().decode(ValidationReport.self, from: data)
        #expect(back.problems == r.problems)
        #expect(String(decoding: data, as: UTF8.self).contains("\"loudness\":null"))
    }
}
