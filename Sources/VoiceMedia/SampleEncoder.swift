/// Quantises mono blocks with TPDF dither into the profile's format (every channel gets
/// the same signal) and writes them. Linear PCM up to 24 bits and float are `exact`: the
/// values handed to `written` are the ones a reader of the file will get back.
final class SampleEncoder {
    private let writer: SndFileWriter
    private let channels: Int
    private let bits: Int?
    let exact: Bool
    private var dither = TPDFDither()
    private var shorts: [Int16] = []
    private var ints: [Int32] = []
    private var floats: [Float] = []

    init(path: String, profile p: Profile) throws {
        writer = try SndFileWriter(path: path, container: p.container, codec: p.codec, sampleRate: p.sampleRate, channels: p.channels)
        channels = p.channels
        if let b = SndFormat.bits(codec: p.codec), SndFormat.isLinear(p.codec), b <= 24 { bits = b } else { bits = nil }
        exact = bits != nil || p.codec == "float32"
    }

    func write(_ block: UnsafeBufferPointer<Float>, written: (UnsafeBufferPointer<Float>) throws -> Void) throws {
        let ch = channels
        let n = block.count * ch
        if floats.count < n { floats = [Float](repeating: 0, count: n) }
        // The dither state and buffers are worked on as locals: a class property touched per
        // sample pays a dynamic exclusivity check each time.
        var dither = self.dither
        defer { self.dither = dither }
        switch bits {
        case let b?:
            let unit = 1 / Float(1 << (b - 1))
            if b == 16 {
                if shorts.count < n { shorts = [Int16](repeating: 0, count: n) }
                shorts.withUnsafeMutableBufferPointer { q16 in
                    floats.withUnsafeMutableBufferPointer { f in
                        for i in 0..<block.count {
                            let q = dither.quantise(block[i], bits: 16)
                            for c in 0..<ch { q16[i * ch + c] = Int16(truncatingIfNeeded: q); f[i * ch + c] = Float(q) * unit }
                        }
                    }
                }
                try shorts.withUnsafeBufferPointer { try writer.write(shorts: $0, frames: block.count) }
            } else {
                if ints.count < n { ints = [Int32](repeating: 0, count: n) }
                let shift = Int32(32 - b)
                ints.withUnsafeMutableBufferPointer { q32 in
                    floats.withUnsafeMutableBufferPointer { f in
                        for i in 0..<block.count {
                            let q = dither.quantise(block[i], bits: b)
                            for c in 0..<ch { q32[i * ch + c] = q << shift; f[i * ch + c] = Float(q) * unit }
                        }
                    }
                }
                try ints.withUnsafeBufferPointer { try writer.write(ints: $0, frames: block.count) }
            }
        case nil:
            floats.withUnsafeMutableBufferPointer { f in
                for i in 0..<block.count { for c in 0..<ch { f[i * ch + c] = block[i] } }
            }
            try floats.withUnsafeBufferPointer { try writer.write(floats: UnsafeBufferPointer(rebasing: $0[0..<n]), frames: block.count) }
            guard exact else { return }
        }
        try floats.withUnsafeBufferPointer { try written(UnsafeBufferPointer(rebasing: $0[0..<n])) }
    }

    func close() throws { try writer.close() }
}
