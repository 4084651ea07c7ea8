/// True peak per ITU-R BS.1770-4 Annex 2: 4x oversampling through the Recommendation's
/// 48-tap polyphase interpolator, the highest absolute value of the oversampled signal
/// (or of the samples themselves, when higher).
///
/// libebur128's own true-peak mode costs 60–150 ns a sample (indexed, double precision,
/// one tap at a time); this meter runs the same kind of filter as contiguous,
/// vectorisable loops over a block, about 20 times faster, so the converter can afford a
/// true-peak reading on every pass. Loudness itself stays with libebur128.
struct TruePeakMeter {
    static let taps = 12
    /// BS.1770-4 Annex 2, one row per phase.
    static let phases: [[Float]] = [
        [0.0017089843750, 0.0109863281250, -0.0196533203125, 0.0332031250000, -0.0594482421875, 0.1373291015625,
         0.9721679687500, -0.1022949218750, 0.0476074218750, -0.0266113281250, 0.0148925781250, -0.0083007812500],
        [-0.0291748046875, 0.0292968750000, -0.0517578125000, 0.0891113281250, -0.1665039062500, 0.4650878906250,
         0.7797851562500, -0.2003173828125, 0.1015625000000, -0.0582275390625, 0.0330810546875, -0.0189208984375],
        [-0.0189208984375, 0.0330810546875, -0.0582275390625, 0.1015625000000, -0.2003173828125, 0.7797851562500,
         0.4650878906250, -0.1665039062500, 0.0891113281250, -0.0517578125000, 0.0292968750000, -0.0291748046875],
        [-0.0083007812500, 0.0148925781250, -0.0266113281250, 0.0476074218750, -0.1022949218750, 0.9721679687500,
         0.1373291015625, -0.0594482421875, 0.0332031250000, -0.0196533203125, 0.0109863281250, 0.0017089843750],
    ]
    private static let flat: [Float] = phases.flatMap { $0 }

    /// The last `taps - 1` samples, then the block being measured.
    private var window: [Float]
    private(set) var peak: Float = 0

    init() {
        window = [Float](repeating: 0, count: Self.taps - 1)
    }

    /// Highest true peak so far as a linear amplitude.
    var linear: Double { Double(peak) }

    mutating func add(_ block: UnsafeBufferPointer<Float>) {
        guard !block.isEmpty else { return }
        let history = Self.taps - 1
        window.append(contentsOf: block)
        var hi = SIMD8<Float>(repeating: 0), lo = SIMD8<Float>(repeating: 0)
        var scalarPeak = peak
        window.withUnsafeBufferPointer { w in
        Self.flat.withUnsafeBufferPointer { c in
            guard let w = w.baseAddress, let c = c.baseAddress else { return }
            let raw = UnsafeRawPointer(w)
            let stride = MemoryLayout<Float>.stride
            // Eight outputs of every phase at once: output i of a phase is the dot product
            // of the 12 samples ending at w[i + 11] with its taps (taps run newest to oldest).
            // The samples themselves count too (the phase-0 filter is not exactly 1 at 0).
            let whole = block.count / 8 * 8
            var i = 0
            while i < whole {
                var p0 = SIMD8<Float>(), p1 = SIMD8<Float>(), p2 = SIMD8<Float>(), p3 = SIMD8<Float>()
                for k in 0..<12 {
                    let v = raw.loadUnaligned(fromByteOffset: (i + history - k) * stride, as: SIMD8<Float>.self)
                    p0 += c[k] * v
                    p1 += c[12 + k] * v
                    p2 += c[24 + k] * v
                    p3 += c[36 + k] * v
                }
                let s = raw.loadUnaligned(fromByteOffset: (i + history) * stride, as: SIMD8<Float>.self)
                hi = Self.max(Self.max(Self.max(hi, p0), Self.max(p1, p2)), Self.max(p3, s))
                lo = Self.min(Self.min(Self.min(lo, p0), Self.min(p1, p2)), Self.min(p3, s))
                i += 8
            }
            while i < block.count {
                var best = Swift.abs(w[i + history])
                for phase in 0..<4 {
                    var acc: Float = 0
                    for k in 0..<12 { acc += c[phase * 12 + k] * w[i + history - k] }
                    best = Swift.max(best, Swift.abs(acc))
                }
                scalarPeak = Swift.max(scalarPeak, best)
                i += 1
            }
        }}
        peak = Swift.max(scalarPeak, Swift.max(hi.max(), -lo.min()))
        window.removeFirst(window.count - history)
    }

    @inline(__always) private static func max(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
        a.replacing(with: b, where: b .> a)
    }

    @inline(__always) private static func min(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
        a.replacing(with: b, where: b .< a)
    }

    /// Deinterleaves `frames` frames of channel `channel` into a scratch buffer and measures them.
    mutating func add(interleaved: UnsafeBufferPointer<Float>, frames: Int, channels: Int, channel: Int, scratch: inout [Float]) {
        if channels == 1 {
            add(UnsafeBufferPointer(rebasing: interleaved[0..<frames]))
            return
        }
        if scratch.count < frames { scratch = [Float](repeating: 0, count: frames) }
        for f in 0..<frames { scratch[f] = interleaved[f * channels + channel] }
        scratch.withUnsafeBufferPointer { add(UnsafeBufferPointer(rebasing: $0[0..<frames])) }
    }
}
