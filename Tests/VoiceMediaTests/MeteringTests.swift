import CEbur128
import Foundation
import Testing
@testable import VoiceMedia

/// The converter's own true-peak meter against libebur128's, and the two-thread pipeline
/// against running inline.
@Suite struct MeteringTests {
    /// libebur128's true peak (its own 49-tap interpolator), dBTP.
    func libebur128TruePeak(_ s: [Float], rate: Int) -> Double {
        var st = ebur128_init(1, UInt(rate), Int32(EBUR128_MODE_TRUE_PEAK.rawValue))
        defer { ebur128_destroy(&st) }
        _ = s.withUnsafeBufferPointer { ebur128_add_frames_float(st, $0.baseAddress, $0.count) }
        var v = 0.0
        _ = ebur128_true_peak(st, 0, &v)
        return 20 * log10(v)
    }

    func ours(_ s: [Float], block: Int = 4096) -> Double {
        var m = TruePeakMeter()
        var i = 0
        s.withUnsafeBufferPointer { all in
            while i < all.count {
                let j = min(all.count, i + block)
                m.add(UnsafeBufferPointer(rebasing: all[i..<j]))
                i = j
            }
        }
        return 20 * log10(m.linear)
    }

    @Test func findsThePeakBetweenSamples() {
        // A quarter-rate sine sampled 45° off its crests: every sample is at 0.707 of the
        // amplitude, the waveform between them reaches the full 0.5 (-6.02 dBFS).
        let rate = 8000
        let s = (0..<8000).map { i in Float(0.5 * sin(Double.pi / 2 * Double(i) + Double.pi / 4)) }
        let samplePeak = 20 * log10(Double(s.map(abs).max() ?? 0))
        #expect(abs(samplePeak - -9.03) < 0.01)
        #expect(abs(ours(s) - -6.02) < 0.3, "\(ours(s))")
        #expect(abs(ours(s) - libebur128TruePeak(s, rate: rate)) < 0.3)
    }

    @Test(arguments: [220.0, 1000, 2900, 3500])
    func agreesWithLibebur128(frequency: Double) {
        let rate = 8000
        var seed: UInt64 = 42
        let s: [Float] = (0..<16000).map { i in
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let noise = Double(Int64(bitPattern: seed >> 11) % 1000) / 1000 * 0.05
            return Float(0.6 * sin(2 * Double.pi * frequency * Double(i) / Double(rate) + 0.3) + noise)
        }
        let a = ours(s), b = libebur128TruePeak(s, rate: rate)
        #expect(abs(a - b) < 0.25, "ours \(a) dBTP, libebur128 \(b) dBTP at \(frequency) Hz")
    }

    @Test func blockBoundariesDoNotMatter() {
        let s = TestAudio.speechLike(seconds: 2, rate: 8000, frequency: 1900, amplitude: 0.7)
        let whole = ours(s, block: s.count)
        for block in [1, 7, 8, 13, 1000] {
            #expect(ours(s, block: block) == whole, "block \(block)")
        }
    }

    @Test func pipelineHandsOverEveryBlockInOrder() throws {
        for parallel in [false, true] {
            var seen: [Float] = []
            try BlockPipeline.run(parallel: parallel, produce: { emit in
                for i in 0..<100 {
                    let block = [Float](repeating: Float(i), count: 1 + i % 5)
                    try block.withUnsafeBufferPointer { try emit($0) }
                }
            }, consume: { seen.append(contentsOf: $0) })
            let expected = (0..<100).flatMap { [Float](repeating: Float($0), count: 1 + $0 % 5) }
            #expect(seen == expected)
        }
    }

    struct Stop: Error, Equatable {}

    @Test func pipelineReportsTheConsumersError() {
        #expect(throws: Stop()) {
            try BlockPipeline.run(parallel: true, produce: { emit in
                let block: [Float] = [1, 2, 3]
                for _ in 0..<10_000 { try block.withUnsafeBufferPointer { try emit($0) } }
            }, consume: { _ in throw Stop() })
        }
    }

    @Test func twoThreadsWriteTheSameBytesAsOne() throws {
        let dir = try TestAudio.tempDir()
        let rate = 48000
        let input = try TestAudio.write(dir + "/in.wav", TestAudio.speechLike(seconds: 20, rate: rate, frequency: 700, amplitude: 0.6, channels: 2),
                                        rate: rate, channels: 2)
        let profile = Profile.alphasmsVoice
        let inline = try Converter(profile: profile, parallelAbove: .max).convert(input: input, output: dir + "/inline.wav")
        let threaded = try Converter(profile: profile, parallelAbove: 1000).convert(input: input, output: dir + "/threaded.wav")
        #expect(inline == threaded.withOutput(inline.output))
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/inline.wav"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/threaded.wav"))
        #expect(a == b)
    }

    @Test func validationOfTheWrittenSamplesEqualsReadingTheFileBack() throws {
        let dir = try TestAudio.tempDir()
        for (name, profile) in [("16", Profile.alphasmsVoice), ("24", Profile.alphasmsVoice.with(codec: "pcm_s24")),
                                ("float", Profile.alphasmsVoice.with(codec: "float32"))] {
            let input = try TestAudio.write(dir + "/in\(name).wav", TestAudio.speechLike(seconds: 3, rate: 44100, amplitude: 0.9), rate: 44100)
            let out = dir + "/out\(name).wav"
            let r = try Converter(profile: profile).convert(input: input, output: out)
            let back = Validator.validate(path: out, profile: profile)
            #expect(back.errors.isEmpty, "\(back.problems)")
            #expect(r.loudnessAfter == back.analysis?.loudness, "\(name)")
            #expect(r.truePeakAfter == back.analysis?.truePeak, "\(name)")
            #expect(r.warnings == back.warnings, "\(name)")
        }
    }
}

extension ConversionResult {
    func withOutput(_ path: String) -> ConversionResult {
        var r = self
        r.output = path
        return r
    }
}

extension Profile {
    func with(codec: String) -> Profile {
        var p = self
        p.codec = codec
        return p
    }
}
