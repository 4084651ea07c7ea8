import Foundation

/// First-order DC blocker (about 10 Hz). Seeded with the opening block's mean so a
/// file with a large constant offset does not start with a thump.
struct DCBlocker {
    private let r: Float
    private var prevIn: Float = 0
    private var prevOut: Float = 0
    private var seeded = false

    init(sampleRate: Int, cutoff: Double = 10) {
        r = Float(1 - 2 * Double.pi * cutoff / Double(sampleRate))
    }

    mutating func process(_ buf: inout [Float], count: Int) {
        guard count > 0 else { return }
        if !seeded {
            var sum = 0.0
            for i in 0..<count { sum += Double(buf[i]) }
            prevIn = Float(sum / Double(count))
            seeded = true
        }
        var pi = prevIn, po = prevOut
        for i in 0..<count {
            let x = buf[i]
            let y = x - pi + r * po
            pi = x
            po = y
            buf[i] = y
        }
        prevIn = pi
        prevOut = po
    }
}

/// Mixes interleaved frames to mono by averaging, which cannot clip, and replaces
/// NaN and infinite samples (corrupt float files) with silence. Returns how many were replaced.
@discardableResult
func downmix(_ interleaved: [Float], frames: Int, channels: Int, into mono: inout [Float]) -> Int {
    if mono.count < frames { mono = [Float](repeating: 0, count: frames) }
    var bad = 0
    let scale = 1 / Float(channels)
    interleaved.withUnsafeBufferPointer { src in
        mono.withUnsafeMutableBufferPointer { dst in
            for f in 0..<frames {
                var acc: Float = 0
                let base = f * channels
                for c in 0..<channels {
                    var v = src[base + c]
                    if !v.isFinite { v = 0; bad += 1 }
                    acc += v
                }
                dst[f] = acc * scale
            }
        }
    }
    return bad
}
