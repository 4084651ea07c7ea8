import CSndFile
import Foundation
import Testing
@testable import VoiceMedia

@Suite struct ConverterTests {
    let profile = Profile.alphasmsVoice

    @Test func stereo44kBecomesProviderReady() throws {
        let dir = try TestAudio.tempDir()
        let input = try TestAudio.write(dir + "/in.wav", TestAudio.tone(seconds: 4, rate: 44100, frequency: 440, amplitude: 0.2, channels: 2),
                                        rate: 44100, channels: 2)
        let out = dir + "/out.wav"
        let r = try Converter(profile: profile).convert(input: input, output: out)
        let d = try TestAudio.read(out)
        #expect(d.rate == 8000)
        #expect(d.channels == 1)
        #expect(d.format == Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16))
        let loud = try #require(r.loudnessAfter)
        #expect(abs(loud - profile.loudness) <= 1)
        let tp = try #require(r.truePeakAfter)
        #expect(tp <= profile.truePeak)
        #expect(Validator.validate(path: out, profile: profile).errors.isEmpty)
        // The tone keeps its pitch through resampling.
        let f = TestAudio.zeroCrossingFrequency(d.samples, rate: 8000)
        #expect(abs(f - 440) < 2, "measured \(f) Hz")
    }

    @Test(arguments: [
        Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_24), Int32(SF_FORMAT_WAV | SF_FORMAT_FLOAT), Int32(SF_FORMAT_WAV | SF_FORMAT_ULAW),
        Int32(SF_FORMAT_WAV | SF_FORMAT_ALAW), Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16), Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS),
        Int32(SF_FORMAT_AIFF | SF_FORMAT_PCM_16),
    ])
    func readsEveryCommonFormat(format: Int32) throws {
        let dir = try TestAudio.tempDir()
        let rate = (format & Int32(SF_FORMAT_SUBMASK)) == Int32(SF_FORMAT_ULAW) ? 8000 : 48000
        let input = try TestAudio.write(dir + "/in.audio", TestAudio.speechLike(seconds: 2.5, rate: rate, amplitude: 0.3), rate: rate, format: format)
        let out = dir + "/out.wav"
        _ = try Converter(profile: profile).convert(input: input, output: out)
        let v = Validator.validate(path: out, profile: profile)
        #expect(v.errors.isEmpty, "\(v.problems)")
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let dir = try TestAudio.tempDir()
        let input = try TestAudio.write(dir + "/in.wav", TestAudio.speechLike(seconds: 3, rate: 22050, amplitude: 0.4), rate: 22050)
        let c = Converter(profile: profile)
        _ = try c.convert(input: input, output: dir + "/a.wav")
        _ = try c.convert(input: input, output: dir + "/b.wav")
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.wav"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/b.wav"))
        #expect(a == b)
        #expect(a.count > 1000)
    }

    @Test func neverOverwritesItsInput() throws {
        let dir = try TestAudio.tempDir()
        let input = try TestAudio.write(dir + "/in.wav", TestAudio.speechLike(seconds: 2, rate: 8000), rate: 8000)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        #expect(throws: MediaError.wouldOverwriteInput(path: input)) {
            try Converter(profile: profile).convert(input: input, output: input)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
    }

    @Test func trimsEdgeSilenceKeepingAPad() throws {
        let dir = try TestAudio.tempDir()
        let rate = 16000
        let s = TestAudio.silence(seconds: 3, rate: rate) + TestAudio.speechLike(seconds: 2, rate: rate, amplitude: 0.3) + TestAudio.silence(seconds: 2, rate: rate)
        let input = try TestAudio.write(dir + "/in.wav", s, rate: rate)
        let out = dir + "/out.wav"
        let r = try Converter(profile: profile).convert(input: input, output: out)
        #expect(abs(r.trimmedStart - 2.75) < 0.05, "\(r.trimmedStart)")
        #expect(r.outputFormat.duration < 2.7)
        #expect(r.outputFormat.duration > 2.3)
        let v = Validator.validate(path: out, profile: profile)
        #expect(v.analysis.map { $0.leadingSilence < 0.4 } == true)
    }

    @Test func shortMessagesArePaddedToTheMinimum() throws {
        let dir = try TestAudio.tempDir()
        let input = try TestAudio.write(dir + "/in.wav", TestAudio.speechLike(seconds: 0.5, rate: 8000, amplitude: 0.3), rate: 8000)
        let r = try Converter(profile: profile).convert(input: input, output: dir + "/out.wav")
        #expect(r.outputFormat.duration >= profile.minDuration)
        #expect(r.padded > 0)
    }

    @Test func silentInputFailsAndWritesNothing() throws {
        let dir = try TestAudio.tempDir()
        let input = try TestAudio.write(dir + "/in.wav", TestAudio.silence(seconds: 2, rate: 8000), rate: 8000)
        #expect(throws: MediaError.silent(path: input)) {
            try Converter(profile: profile).convert(input: input, output: dir + "/out.wav")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["in.wav"])
    }

    @Test func tooLongFailsBeforeWriting() throws {
        let dir = try TestAudio.tempDir()
        var p = profile
        p.maxDuration = 3
        let input = try TestAudio.write(dir + "/in.wav", TestAudio.speechLike(seconds: 5, rate: 8000, amplitude: 0.3), rate: 8000)
        do {
            _ = try Converter(profile: p).convert(input: input, output: dir + "/out.wav")
            Issue.record("expected tooLong")
        } catch let MediaError.tooLong(_, seconds, limit) {
            #expect(seconds > 4.5)
            #expect(limit == 3)
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.wav"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["in.wav"])
    }

    @Test func loudInputIsLimitedUnderTheCeiling() throws {
        let dir = try TestAudio.tempDir()
        var p = profile
        p.loudness = -10
        let s = TestAudio.speechLike(seconds: 3, rate: 8000, frequency: 997, amplitude: 1).map { max(-1, min(1, $0 * 1.5)) }
        let input = try TestAudio.write(dir + "/in.wav", s, rate: 8000, format: Int32(SF_FORMAT_WAV | SF_FORMAT_FLOAT))
        let r = try Converter(profile: p).convert(input: input, output: dir + "/out.wav")
        #expect(try #require(r.truePeakAfter) <= p.truePeak)
    }

    @Test func repairsNonFiniteSamples() throws {
        let dir = try TestAudio.tempDir()
        var s = TestAudio.speechLike(seconds: 2, rate: 8000, amplitude: 0.3)
        s[500] = .nan
        let input = try TestAudio.write(dir + "/in.wav", s, rate: 8000, format: Int32(SF_FORMAT_WAV | SF_FORMAT_FLOAT))
        let r = try Converter(profile: profile).convert(input: input, output: dir + "/out.wav")
        #expect(r.repairedSamples == 1)
    }

    @Test func convertsInMemorySamples() throws {
        let dir = try TestAudio.tempDir()
        let s = TestAudio.speechLike(seconds: 2, rate: 22050, amplitude: 0.3)
        let r = try Converter(profile: profile).convert(samples: s, sampleRate: 22050, label: "synth", output: dir + "/m.wav")
        #expect(r.outputFormat.sampleRate == 8000)
        #expect(Validator.validate(path: dir + "/m.wav", profile: profile).ok)
    }

    @Test func longInputsSpillToDiskAndStillConvert() throws {
        let dir = try TestAudio.tempDir()
        var p = profile
        p.maxDuration = 600
        p.maxSize = 100 << 20
        // 5 minutes at 8 kHz is over the spool's in-memory limit.
        let input = try TestAudio.write(dir + "/long.wav", TestAudio.speechLike(seconds: 300, rate: 8000, amplitude: 0.3), rate: 8000)
        let r = try Converter(profile: p).convert(input: input, output: dir + "/out.wav")
        #expect(abs(r.outputFormat.duration - 300) < 1)
    }
}
