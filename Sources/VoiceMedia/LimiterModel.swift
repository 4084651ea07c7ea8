import Foundation

/// Peak and mean power of consecutive windows as long as the limiter's look-ahead,
/// gathered while preparing, so the loudness the limiter will leave can be predicted
/// before rendering anything through it.
struct WindowLevels {
    let length: Int
    private(set) var peaks: [Float] = []
    private(set) var powers: [Float] = []
    private var peak: Float = 0
    private var acc: Float = 0
    private var n = 0

    init(length: Int) { self.length = max(1, length) }

    /// Highest absolute sample of everything added (after `finish`), dBFS.
    var peakDB: Double {
        let peak = peaks.max() ?? 0
        return peak > 0 ? 20 * log10(Double(peak)) : -.infinity
    }

    mutating func add(_ block: UnsafeBufferPointer<Float>) {
        var peak = self.peak, acc = self.acc, n = self.n
        for x in block {
            peak = max(peak, abs(x))
            acc += x * x
            n += 1
            if n == length {
                peaks.append(peak)
                powers.append(acc / Float(length))
                peak = 0; acc = 0; n = 0
            }
        }
        self.peak = peak
        self.acc = acc
        self.n = n
    }

    mutating func finish() {
        guard n > 0 else { return }
        peaks.append(peak)
        powers.append(acc / Float(n))
        peak = 0; acc = 0; n = 0
    }
}

/// The look-ahead limiter (`PeakLimiter`) simulated one window at a time: each window
/// needs the gain that brings its peak to the ceiling, the look-ahead reaches into the
/// next window, and the gain recovers at the limiter's release rate. Gated like
/// BS.1770 (400 ms blocks every 100 ms, -70 LUFS and -10 LU gates) over the windows'
/// power, this predicts how much loudness limiting at a gain takes away. It costs
/// microseconds where a measuring pass through the limiter costs milliseconds, and it
/// only aims: the written file is measured and corrected if the aim was off.
struct LimiterModel {
    let windows: WindowLevels
    /// Recovery of the limiter's envelope over one window: (1 - release coefficient)^length.
    let keepPerWindow: Double
    let blockWindows: Int
    let stepWindows: Int

    init(windows: WindowLevels, sampleRate: Int, releaseSeconds: Double = PeakLimiter.releaseSeconds) {
        self.windows = windows
        let rate = Double(sampleRate)
        keepPerWindow = exp(-Double(windows.length) / (releaseSeconds * rate))
        let windowSeconds = Double(windows.length) / rate
        blockWindows = max(1, Int((0.4 / windowSeconds).rounded()))
        stepWindows = max(1, Int((0.1 / windowSeconds).rounded()))
    }

    /// Loudness (LU) the limiter takes away at `gain` dB with its ceiling at `ceiling` dBFS.
    func loss(gain: Double, ceiling: Double) -> Double {
        let peaks = windows.peaks, powers = windows.powers
        guard !peaks.isEmpty else { return 0 }
        let threshold = Float(pow(10, (ceiling - gain) / 20))
        let limited = [Float](unsafeUninitializedCapacity: peaks.count) { out, count in
            var env: Float = 1
            let keep = Float(keepPerWindow)
            for w in peaks.indices {
                let p = max(peaks[w], w + 1 < peaks.count ? peaks[w + 1] : 0)
                env = min(p > threshold ? threshold / p : 1, 1 - (1 - env) * keep)
                out[w] = powers[w] * env * env
            }
            count = peaks.count
        }
        let scale = pow(10, gain / 10)
        return gatedLoudness(powers, scale: scale) - gatedLoudness(limited, scale: scale)
    }

    /// BS.1770 gating over window powers scaled by `scale`, in dB (without the -0.691 offset).
    private func gatedLoudness(_ powers: [Float], scale: Double) -> Double {
        let count = max(1, (powers.count - blockWindows) / stepWindows + 1)
        var blocks = [Double](repeating: 0, count: count)
        var prefix = [Double](repeating: 0, count: powers.count + 1)
        for w in powers.indices { prefix[w + 1] = prefix[w] + Double(powers[w]) }
        for b in 0..<count {
            let start = b * stepWindows, end = min(powers.count, start + blockWindows)
            blocks[b] = (prefix[end] - prefix[start]) * scale / Double(blockWindows)
        }
        // The absolute gate at -70 LUFS, then the relative gate 10 LU under the mean of the rest.
        func mean(above gate: Double) -> (Double, Int) {
            var sum = 0.0, n = 0
            for z in blocks where z > gate { sum += z; n += 1 }
            return (sum, n)
        }
        let (loud, n) = mean(above: pow(10, (-70 + 0.691) / 10))
        guard n > 0 else { return -.infinity }
        let (gated, m) = mean(above: loud / Double(n) / 10)
        return m > 0 ? 10 * log10(gated / Double(m)) : -.infinity
    }

    /// The gain (dB) whose predicted loudness after limiting is `target`, from the
    /// loudness `before` measured without gain; nil when the model cannot tell.
    func gain(reaching target: Double, from before: Double, ceiling: Double, maxGain: Double) -> Double? {
        guard before.isFinite else { return nil }
        func reached(_ g: Double) -> Double { before + g - loss(gain: g, ceiling: ceiling) }
        var lo = min(maxGain, target - before), hi = min(maxGain, lo + 15)
        guard reached(lo) <= target else { return lo }
        guard reached(hi) >= target else { return nil }
        for _ in 0..<16 { // 15 dB / 2^16: far finer than the 0.5 LU aimed at
            let mid = (lo + hi) / 2
            if reached(mid) < target { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}
