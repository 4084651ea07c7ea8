import Foundation

/// Plays the kept range of the spool through gain and the limiter, padded with
/// silence to the minimum duration. Measuring and writing use the same path, so
/// what was measured is what gets written.
struct Renderer {
    let spool: SampleSpool
    let range: Range<Int>
    let total: Int
    let sampleRate: Int
    /// Measuring runs the meter on a second thread.
    let parallel: Bool

    func render(gain: Double, ceiling: Double?, _ sink: (UnsafeBufferPointer<Float>) throws -> Void) throws {
        let g = Float(pow(10, gain / 20))
        var limiter = ceiling.map { PeakLimiter(ceiling: Float(pow(10, $0 / 20)), sampleRate: sampleRate) }
        var out = [Float]()
        func flush() throws {
            guard !out.isEmpty else { return }
            try out.withUnsafeBufferPointer { try sink($0) }
            out.removeAll(keepingCapacity: true)
        }
        try spool.forEachBlock(in: range) { block in
            if limiter != nil {
                limiter?.process(block, gain: g, into: &out)
            } else {
                out.append(contentsOf: block.lazy.map { max(-1, min(1, $0 * g)) })
            }
            try flush()
        }
        limiter?.finish(into: &out)
        let padding = total - range.count
        if padding > 0 { out.append(contentsOf: repeatElement(0, count: padding)) }
        try flush()
    }

    func measure(gain: Double, ceiling: Double?) throws -> (loudness: Double, truePeak: Double) {
        let meter = try LoudnessMeter(channels: 1, sampleRate: sampleRate)
        try BlockPipeline.run(parallel: parallel, produce: { emit in
            try render(gain: gain, ceiling: ceiling, emit)
        }, consume: { meter.add($0, frames: $0.count) })
        return (meter.integrated, meter.truePeak)
    }
}
