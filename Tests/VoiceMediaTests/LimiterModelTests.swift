import Foundation
import Testing
@testable import VoiceMedia

/// The window model that aims the gain against the real limiter measured with libebur128.
@Suite struct LimiterModelTests {
    /// Voiced syllables of varying length and level with a gliding pitch and a loud onset
    /// each: a crest factor like speech's, deterministic for a seed.
    static func speech(seconds: Double, rate: Int, seed: UInt64) -> [Float] {
        var state = seed
        func random() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let n = Int(seconds * Double(rate))
        var out = [Float](repeating: 0, count: n)
        var i = 0
        while i < n {
            let length = Int((0.12 + 0.25 * random()) * Double(rate))
            let level = 0.15 + 0.5 * random(), f0 = 100 + 120 * random()
            var phase = 0.0
            for k in 0..<min(length, n - i) {
                let t = Double(k) / Double(length)
                let env = sin(Double.pi * t) * (k < rate / 50 ? 2.2 : 1)
                phase += 2 * Double.pi * f0 * (1 + 0.2 * t) / Double(rate)
                let voiced = sin(phase) + 0.5 * sin(2 * phase) + 0.3 * sin(3 * phase + 0.5) + 0.2 * sin(5 * phase)
                out[i + k] = Float(level * env * voiced / 2)
            }
            i += length + Int(0.06 * random() * Double(rate))
        }
        return out
    }

    func loudness(_ x: [Float], rate: Int) throws -> Double {
        let meter = try LoudnessMeter(channels: 1, sampleRate: rate)
        x.withUnsafeBufferPointer { meter.add($0, frames: $0.count) }
        return meter.integrated
    }

    @Test(arguments: [(seed: UInt64(1), depth: 3.0), (2, 6), (3, 9), (4, 12)])
    func predictsTheLoudnessTheLimiterTakes(seed: UInt64, depth: Double) throws {
        let rate = 8000
        let x = Self.speech(seconds: 6, rate: rate, seed: seed)
        var windows = WindowLevels(length: PeakLimiter.lookahead(sampleRate: rate))
        x.withUnsafeBufferPointer { windows.add($0) }
        windows.finish()
        // `depth` dB of the loudest peak over the ceiling.
        let ceiling = -3.0
        let peak = 20 * log10(Double(x.map(abs).max() ?? 1))
        let gain = ceiling - peak + depth

        var limiter = PeakLimiter(ceiling: Float(pow(10, ceiling / 20)), sampleRate: rate)
        var limited: [Float] = []
        x.withUnsafeBufferPointer { limiter.process($0, gain: Float(pow(10, gain / 20)), into: &limited) }
        limiter.finish(into: &limited)
        let measured = try loudness(x, rate: rate) + gain - loudness(limited, rate: rate)

        let predicted = LimiterModel(windows: windows, sampleRate: rate).loss(gain: gain, ceiling: ceiling)
        #expect(measured > 0.1, "the limiter did take loudness away")
        // Ignoring the release alone would miss by 5-13%.
        #expect(abs(predicted - measured) < 0.02 + 0.05 * measured, "predicted \(predicted) LU, measured \(measured) LU")
    }

    @Test func theAimedGainReachesTheTargetThroughTheRealLimiter() throws {
        let rate = 8000
        let x = Self.speech(seconds: 6, rate: rate, seed: 9)
        var windows = WindowLevels(length: PeakLimiter.lookahead(sampleRate: rate))
        x.withUnsafeBufferPointer { windows.add($0) }
        windows.finish()
        let before = try loudness(x, rate: rate), ceiling = -3.0, target = -10.0
        let gain = try #require(LimiterModel(windows: windows, sampleRate: rate).gain(reaching: target, from: before, ceiling: ceiling, maxGain: 40))
        #expect(gain > target - before + 0.5, "limiting at this target costs loudness the gain must make up")

        var limiter = PeakLimiter(ceiling: Float(pow(10, ceiling / 20)), sampleRate: rate)
        var limited: [Float] = []
        x.withUnsafeBufferPointer { limiter.process($0, gain: Float(pow(10, gain / 20)), into: &limited) }
        limiter.finish(into: &limited)
        #expect(abs(try loudness(limited, rate: rate) - target) < LevelSteering.loudnessAccuracy)
    }
}
