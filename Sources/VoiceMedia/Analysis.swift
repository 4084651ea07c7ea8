import Foundation

/// What the content of a file measures: the numbers behind content warnings.
public struct AudioAnalysis: Codable, Equatable, Sendable {
    /// Highest absolute sample, dBFS.
    public var peak: Double
    /// EBU R128 integrated loudness, LUFS (-inf when nothing passes the gate).
    public var loudness: Double
    /// Highest true peak over all channels, dBTP.
    public var truePeak: Double
    /// Samples that sit in runs of three or more at full scale.
    public var clippedSamples: Int
    /// Number of such runs.
    public var clippedRuns: Int
    /// Largest per-channel mean, as a fraction of full scale.
    public var dcOffset: Double
    /// Silence before the first and after the last audible 10 ms frame, seconds.
    public var leadingSilence: Double
    public var trailingSilence: Double
    /// NaN or infinite samples (a corrupt float file).
    public var nonFiniteSamples: Int
    /// Whether any frame rose above the silence threshold.
    public var audible: Bool
    public var totalSamples: Int

    enum CodingKeys: String, CodingKey {
        case peak, loudness, truePeak, clippedSamples, clippedRuns, dcOffset
        case leadingSilence, trailingSilence, nonFiniteSamples, audible, totalSamples
    }

    public init(peak: Double, loudness: Double, truePeak: Double, clippedSamples: Int, clippedRuns: Int, dcOffset: Double,
                leadingSilence: Double, trailingSilence: Double, nonFiniteSamples: Int, audible: Bool, totalSamples: Int) {
        self.peak = peak
        self.loudness = loudness
        self.truePeak = truePeak
        self.clippedSamples = clippedSamples
        self.clippedRuns = clippedRuns
        self.dcOffset = dcOffset
        self.leadingSilence = leadingSilence
        self.trailingSilence = trailingSilence
        self.nonFiniteSamples = nonFiniteSamples
        self.audible = audible
        self.totalSamples = totalSamples
    }

    // JSON has no infinity: silent measurements are encoded as null.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(peak.isFinite ? peak : nil, forKey: .peak)
        try c.encode(loudness.isFinite ? loudness : nil, forKey: .loudness)
        try c.encode(truePeak.isFinite ? truePeak : nil, forKey: .truePeak)
        try c.encode(clippedSamples, forKey: .clippedSamples)
        try c.encode(clippedRuns, forKey: .clippedRuns)
        try c.encode(dcOffset, forKey: .dcOffset)
        try c.encode(leadingSilence, forKey: .leadingSilence)
        try c.encode(trailingSilence, forKey: .trailingSilence)
        try c.encode(nonFiniteSamples, forKey: .nonFiniteSamples)
        try c.encode(audible, forKey: .audible)
        try c.encode(totalSamples, forKey: .totalSamples)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        peak = try c.decodeIfPresent(Double.self, forKey: .peak) ?? -.infinity
        loudness = try c.decodeIfPresent(Double.self, forKey: .loudness) ?? -.infinity
        truePeak = try c.decodeIfPresent(Double.self, forKey: .truePeak) ?? -.infinity
        clippedSamples = try c.decode(Int.self, forKey: .clippedSamples)
        clippedRuns = try c.decode(Int.self, forKey: .clippedRuns)
        dcOffset = try c.decode(Double.self, forKey: .dcOffset)
        leadingSilence = try c.decode(Double.self, forKey: .leadingSilence)
        trailingSilence = try c.decode(Double.self, forKey: .trailingSilence)
        nonFiniteSamples = try c.decode(Int.self, forKey: .nonFiniteSamples)
        audible = try c.decode(Bool.self, forKey: .audible)
        totalSamples = try c.decode(Int.self, forKey: .totalSamples)
    }
}

/// Streaming measurement of interleaved float blocks at the file's own rate.
final class Analyzer {
    static let frameSeconds = 0.01
    /// Frames quieter than the loudest frame by more than this are silence, whatever their absolute level,
    /// so a noisy room tone under speech still counts as a pause.
    static let relativeFloor = 45.0
    /// A file whose loudest frame is this far below the silence threshold holds nothing audible.
    static let quietRange = 25.0

    private let channels: Int
    private let sampleRate: Int
    private let meter: LoudnessMeter
    private let frameLength: Int
    private var framePower: [Float] = []
    private var acc = 0.0
    private var accCount = 0
    private var peak: Float = 0
    private var sums: [Double]
    private var frameSums: [Double]
    private var runs: [Int]
    private var clippedSamples = 0
    private var clippedRuns = 0
    private var nonFinite = 0
    /// A copy of a block with NaN and infinite samples silenced, made only when it has any.
    private var clean: [Float] = []
    private var total = 0
    private let fullScale: Float = 0.99996

    init(channels: Int, sampleRate: Int) throws {
        self.channels = channels
        self.sampleRate = sampleRate
        meter = try LoudnessMeter(channels: channels, sampleRate: sampleRate)
        frameLength = max(1, Int(Double(sampleRate) * Self.frameSeconds))
        sums = [Double](repeating: 0, count: channels)
        frameSums = sums
        runs = [Int](repeating: 0, count: channels)
    }

    /// Measures `frames` interleaved frames; NaN and infinite samples are counted and measured as silence.
    func add(_ samples: UnsafeBufferPointer<Float>, frames: Int) {
        let n = frames * channels
        var bad = 0
        for i in 0..<n where !samples[i].isFinite { bad += 1 }
        guard bad > 0 else { return measure(samples, frames: frames) }
        nonFinite += bad
        if clean.count < n { clean = [Float](repeating: 0, count: n) }
        for i in 0..<n { clean[i] = samples[i].isFinite ? samples[i] : 0 }
        clean.withUnsafeBufferPointer { measure($0, frames: frames) }
    }

    private func measure(_ block: UnsafeBufferPointer<Float>, frames: Int) {
        // Work on locals: per-sample access to class properties costs an exclusivity check each.
        var peak = self.peak, acc = self.acc, accCount = self.accCount
        var clippedSamples = self.clippedSamples, clippedRuns = self.clippedRuns
        let channels = self.channels, frameLength = self.frameLength, fullScale = self.fullScale
        var sums = self.sums, frameSums = self.frameSums, runs = self.runs
        var powers: [Float] = []
        sums.withUnsafeMutableBufferPointer { sums in
        frameSums.withUnsafeMutableBufferPointer { frameSums in
        runs.withUnsafeMutableBufferPointer { runs in
            for f in 0..<frames {
                var power = 0.0
                for c in 0..<channels {
                    let v = block[f * channels + c]
                    let a = abs(v)
                    if a > peak { peak = a }
                    sums[c] += Double(v)
                    frameSums[c] += Double(v)
                    power += Double(v) * Double(v)
                    if a >= fullScale {
                        runs[c] += 1
                        if runs[c] == 3 { clippedRuns += 1; clippedSamples += 3 } else if runs[c] > 3 { clippedSamples += 1 }
                    } else {
                        runs[c] = 0
                    }
                }
                acc += power / Double(channels)
                accCount += 1
                if accCount == frameLength {
                    var dc = 0.0
                    for c in 0..<channels {
                        let m = frameSums[c] / Double(accCount)
                        dc += m * m
                        frameSums[c] = 0
                    }
                    powers.append(Float(max(0, acc / Double(accCount) - dc / Double(channels))))
                    acc = 0
                    accCount = 0
                }
            }
        }}}
        framePower.append(contentsOf: powers)
        self.peak = peak
        self.acc = acc
        self.accCount = accCount
        self.clippedSamples = clippedSamples
        self.clippedRuns = clippedRuns
        self.sums = sums
        self.frameSums = frameSums
        self.runs = runs
        total += frames
        meter.add(block, frames: frames)
    }

    /// Stores the frame's power without its mean, so a DC offset does not make silence look audible.
    private func closeFrame() {
        let n = Double(accCount)
        var dc = 0.0
        for c in 0..<channels {
            let m = frameSums[c] / n
            dc += m * m
            frameSums[c] = 0
        }
        framePower.append(Float(max(0, acc / n - dc / Double(channels))))
        acc = 0
        accCount = 0
    }

    func finish(silenceThreshold: Double) -> AudioAnalysis {
        if accCount > 0 { closeFrame() }
        let edges = SilenceEdges(framePower: framePower, threshold: silenceThreshold)
        let frameDur = Double(frameLength) / Double(sampleRate)
        let lead: Double, trail: Double
        if let e = edges.audible {
            lead = Double(e.lowerBound) * frameDur
            trail = max(0, Double(total) / Double(sampleRate) - Double(e.upperBound) * frameDur)
        } else {
            lead = Double(total) / Double(sampleRate)
            trail = lead
        }
        let dc = total > 0 ? sums.map { abs($0) / Double(total) }.max() ?? 0 : 0
        return AudioAnalysis(
            peak: peak > 0 ? 20 * log10(Double(peak)) : -.infinity,
            loudness: meter.integrated, truePeak: meter.truePeak,
            clippedSamples: clippedSamples, clippedRuns: clippedRuns, dcOffset: dc,
            leadingSilence: lead, trailingSilence: trail, nonFiniteSamples: nonFinite,
            audible: edges.audible != nil, totalSamples: total * channels)
    }
}

/// Finds the first and last audible 10 ms frames from their mean power.
struct SilenceEdges {
    /// Frame indices [first audible, last audible + 1), nil when nothing is audible.
    let audible: Range<Int>?

    init(framePower: [Float], threshold: Double) {
        let loudest = framePower.max() ?? 0
        let loudestDb = loudest > 0 ? 10 * log10(Double(loudest)) : -.infinity
        // The gate follows the file: an absolute threshold alone would call all of a
        // quiet recording silence, a relative one alone would keep loud room noise.
        let gateDb = max(loudestDb - Analyzer.relativeFloor, min(threshold, loudestDb - Analyzer.quietRange))
        let gate = Float(pow(10, gateDb / 10))
        guard loudestDb >= threshold - Analyzer.quietRange,
              let first = framePower.firstIndex(where: { $0 >= gate }),
              let last = framePower.lastIndex(where: { $0 >= gate })
        else { audible = nil; return }
        audible = first..<(last + 1)
    }
}
