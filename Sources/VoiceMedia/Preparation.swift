import Foundation

/// The first pass: decode → downmix → resample → DC removal, into a spool at the
/// profile's rate. The resampled signal is measured on the way into the spool (frame
/// power for trimming, integrated loudness, true peak), so the converter starts from
/// measured levels without another pass; everything later works on the spool.
struct Preparation {
    let spool: SampleSpool
    let nonFinite: Int
    let frameLength: Int
    /// Mean power of each 10 ms frame, for silence trimming.
    let framePower: [Float]
    /// Integrated loudness (LUFS) and true peak (dBTP) of the whole resampled signal.
    let loudness: Double
    let truePeak: Double
    /// Highest absolute sample of the resampled signal, dBFS.
    let samplePeak: Double
    /// Peak and power per limiter look-ahead, for `LimiterModel`.
    let windows: WindowLevels

    static func run(source: SignalSource, outputRate: Int, parallelAbove: Int, blockFrames: Int = 16_384) throws -> Preparation {
        let spool = SampleSpool()
        let resampler = source.sampleRate == outputRate ? nil : try Resampler(from: source.sampleRate, to: outputRate)
        let frameLength = max(1, Int(Double(outputRate) * Analyzer.frameSeconds))
        let meter = try LoudnessMeter(channels: 1, sampleRate: outputRate)
        var power = FramePower(frameLength: frameLength)
        var windows = WindowLevels(length: PeakLimiter.lookahead(sampleRate: outputRate))
        var dc = DCBlocker(sampleRate: outputRate)
        var filtered = [Float]()
        func take(_ input: UnsafeBufferPointer<Float>) throws {
            if filtered.count < input.count { filtered = [Float](repeating: 0, count: input.count) }
            try filtered.withUnsafeMutableBufferPointer { all in
                let block = UnsafeMutableBufferPointer(rebasing: all[0..<input.count])
                _ = block.initialize(from: input)
                dc.process(block)
                let done = UnsafeBufferPointer(block)
                try spool.append(done)
                meter.add(done, frames: done.count)
                power.add(done)
                windows.add(done)
            }
        }
        var bad = 0
        // Decoding and mixing on one thread, resampling and measuring on another, for long inputs.
        try BlockPipeline.run(parallel: source.expectedFrames * source.channels >= parallelAbove, produce: { emit in
            var offset = OffsetRemover()
            var interleaved = [Float]()
            var mono = [Float]()
            while true {
                let n = source.read(into: &interleaved, frames: blockFrames)
                if n == 0 { break }
                bad += downmix(interleaved, frames: n, channels: source.channels, into: &mono)
                offset.process(&mono, count: n)
                try mono.withUnsafeBufferPointer { try emit(UnsafeBufferPointer(rebasing: $0[0..<n])) }
            }
        }, consume: { block in
            if let resampler { try resampler.process(block, sink: take) } else { try take(block) }
        })
        if let resampler { try resampler.process(UnsafeBufferPointer(start: nil, count: 0), sink: take) }
        windows.finish()
        return Preparation(spool: spool, nonFinite: bad, frameLength: frameLength, framePower: power.finish(),
                           loudness: meter.integrated, truePeak: meter.truePeak, samplePeak: windows.peakDB, windows: windows)
    }
}

/// Mean power of consecutive frames of a streamed mono signal.
struct FramePower {
    let frameLength: Int
    private var out: [Float] = []
    private var acc = 0.0
    private var n = 0

    init(frameLength: Int) { self.frameLength = frameLength }

    mutating func add(_ block: UnsafeBufferPointer<Float>) {
        var acc = self.acc, n = self.n
        for x in block {
            acc += Double(x) * Double(x)
            n += 1
            if n == frameLength { out.append(Float(acc / Double(n))); acc = 0; n = 0 }
        }
        self.acc = acc
        self.n = n
    }

    mutating func finish() -> [Float] {
        if n > 0 { out.append(Float(acc / Double(n))); acc = 0; n = 0 }
        return out
    }
}
