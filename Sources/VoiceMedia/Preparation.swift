/// The first pass: decode → downmix → DC removal → resample, into a spool at the
/// profile's rate. Everything later (trim, gain, limiter) works on this signal.
struct Preparation {
    let spool: SampleSpool
    let nonFinite: Int
    let frameLength: Int

    static func run(source: SignalSource, outputRate: Int, blockFrames: Int = 16_384) throws -> Preparation {
        let spool = SampleSpool()
        let resampler = source.sampleRate == outputRate ? nil : try Resampler(from: source.sampleRate, to: outputRate)
        var dc = DCBlocker(sampleRate: source.sampleRate)
        var interleaved = [Float]()
        var mono = [Float]()
        var bad = 0
        while true {
            let n = source.read(into: &interleaved, frames: blockFrames)
            if n == 0 { break }
            bad += downmix(interleaved, frames: n, channels: source.channels, into: &mono)
            dc.process(&mono, count: n)
            try mono.withUnsafeBufferPointer { all in
                let block = UnsafeBufferPointer(rebasing: all[0..<n])
                if let resampler {
                    try resampler.process(block) { try spool.append($0) }
                } else {
                    try spool.append(block)
                }
            }
        }
        if let resampler { try resampler.process(UnsafeBufferPointer(start: nil, count: 0)) { try spool.append($0) } }
        return Preparation(spool: spool, nonFinite: bad, frameLength: max(1, Int(Double(outputRate) * Analyzer.frameSeconds)))
    }

    /// Mean power of each 10 ms frame, for silence trimming.
    func framePower() throws -> [Float] {
        var out = [Float]()
        out.reserveCapacity(spool.count / frameLength + 1)
        var acc = 0.0
        var n = 0
        try spool.forEachBlock(in: 0..<spool.count) { block in
            for x in block {
                acc += Double(x) * Double(x)
                n += 1
                if n == frameLength { out.append(Float(acc / Double(n))); acc = 0; n = 0 }
            }
        }
        if n > 0 { out.append(Float(acc / Double(n))) }
        return out
    }
}
