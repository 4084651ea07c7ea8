/// TPDF dither from a fixed-seed generator: the same input always gets the same
/// noise, which keeps converted files byte-identical across runs.
struct TPDFDither {
    private var state: UInt64

    init(seed: UInt64 = 0x5EED_F00D_CAFE_BEEF) { state = seed }

    /// SplitMix64: tiny, fast and statistically sound for dither.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Triangular noise in (-1, 1) LSB: the sum of two independent uniforms.
    mutating func sample() -> Float {
        let r = next()
        let a = Float(r & 0xFFFFFF) / Float(0x1000000)
        let b = Float((r >> 32) & 0xFFFFFF) / Float(0x1000000)
        return a - b
    }

    /// Quantises `x` in [-1, 1] to a signed integer of `bits` bits with dither.
    @inline(__always)
    mutating func quantise(_ x: Float, bits: Int) -> Int32 {
        let scale = Float(1 << (bits - 1))
        let v = Self.round(x * scale + sample())
        return Int32(max(-scale, min(scale - 1, v)))
    }

    /// Round to nearest (ties to even) by adding and removing 1.5·2^23, which leaves no
    /// fraction bits: one add and one subtract instead of a libm call per sample. Exact for
    /// |v| < 2^22; larger values (only 24-bit output gets near) take `rounded`.
    @inline(__always)
    static func round(_ v: Float) -> Float {
        let magic: Float = 12_582_912
        return Swift.abs(v) < 4_194_304 ? (v + magic) - magic : v.rounded()
    }
}
