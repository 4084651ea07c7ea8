import Foundation

/// First-order DC blocker (about 10 Hz). It runs at the output rate, after resampling
/// (a fifth or less of the input's samples through a serial filter); the input's opening
/// offset is subtracted before resampling (`OffsetRemover`) so a file with a large constant
/// offset neither starts with a thump nor makes the resampler ring on a step.
struct DCBlocker {
    private let r: Float
    private var prevIn: Float = 0
    private var prevOut: Float = 0

    init(sampleRate: Int, cutoff: Double = 10) {
        r = Float(1 - 2 * Double.pi * cutoff / Double(sampleRate))
    }

    mutating func process(_ buf: UnsafeMutableBufferPointer<Float>) {
        var pi = prevIn, po = prevOut
        for i in buf.indices {
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

/// Subtracts the mean of the first block it sees from every block: the constant part of a
/// DC offset, taken out before resampling.
struct OffsetRemover {
    private var offset: Float?

    mutating func process(_ buf: inout [Float], count: Int) {
        guard count > 0 else { return }
        let o: Float
        if let offset { o = offset } else {
            var sum = 0.0
            for i in 0..<count { sum += Double(buf[i]) }
            o = Float(sum / Double(count))
            offset = o
        }
        guard o != 0 else { return }
        buf.withUnsafeMutableBufferPointer { b in
            for i in 0..<count { b[i] -= o }
        }
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
            for i in 0..<(frames * channels) where !src[i].isFinite { bad += 1 }
            // Mono and stereo (nearly every input) get loops the compiler vectorises; both
            // add in the same order as the general loop, so results are the same.
            if bad == 0 && channels == 1 {
                for f in 0..<frames { dst[f] = src[f] }
            } else if bad == 0 && channels == 2 {
                for f in 0..<frames { dst[f] = (src[2 * f] + src[2 * f + 1]) * scale }
            } else {
                for f in 0..<frames {
                    var acc: Float = 0
                    let base = f * channels
                    for c in 0..<channels {
                        let v = src[base + c]
                        acc += v.isFinite ? v : 0
                    }
                    dst[f] = acc * scale
                }
            }
        }
    }
    return bad
}
