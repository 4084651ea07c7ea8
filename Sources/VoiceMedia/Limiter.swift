import Foundation

/// Look-ahead peak limiter. The gain at each sample is the minimum gain any
/// sample in the next `lookahead` needs, smoothed with a box filter of the same
/// length; the box average at a peak only covers values no larger than that
/// peak's own need, so the ceiling holds exactly while the gain still ramps
/// smoothly (no clicks) and releases slowly (no pumping on speech).
final class PeakLimiter {
    private let ceiling: Float
    private let lookahead: Int
    private let releaseCoeff: Double

    private var delay: [Float]
    private var envRing: [Double]
    private var envSum: Double
    private var minIdx: [Int]
    private var minVal: [Double]
    private var head = 0
    private var count = 0
    private var n = 0
    private var env = 1.0

    init(ceiling: Float, sampleRate: Int, lookaheadSeconds: Double = 0.005, releaseSeconds: Double = 0.08) {
        self.ceiling = ceiling
        lookahead = max(1, Int((lookaheadSeconds * Double(sampleRate)).rounded()))
        releaseCoeff = 1 - exp(-1 / (releaseSeconds * Double(sampleRate)))
        delay = [Float](repeating: 0, count: lookahead)
        envRing = [Double](repeating: 1, count: lookahead)
        envSum = Double(lookahead)
        minIdx = [Int](repeating: 0, count: lookahead + 1)
        minVal = [Double](repeating: 1, count: lookahead + 1)
    }

    /// Pushes one sample; returns the limited sample `lookahead - 1` positions behind, once available.
    @inline(__always)
    func push(_ x: Float) -> Float? {
        let need = abs(x) > ceiling ? Double(ceiling / abs(x)) : 1
        // Monotonic deque (ring of capacity lookahead+1) holding the window minimum.
        let cap = lookahead + 1
        while count > 0 {
            let back = (head + count - 1) % cap
            if minVal[back] >= need { count -= 1 } else { break }
        }
        let slot = (head + count) % cap
        minIdx[slot] = n
        minVal[slot] = need
        count += 1
        while minIdx[head] <= n - lookahead { head = (head + 1) % cap; count -= 1 }
        delay[n % lookahead] = x
        n += 1
        guard n >= lookahead else { return nil }
        // Window [n-lookahead, n-1] is complete: its minimum is the need of sample n-lookahead.
        let windowMin = minVal[head]
        env = min(windowMin, env + (1 - env) * releaseCoeff)
        let r = (n - lookahead) % lookahead
        envSum += env - envRing[r]
        envRing[r] = env
        let gain = Float(min(1, envSum / Double(lookahead)))
        let y = delay[(n - lookahead) % lookahead] * gain
        return max(-ceiling, min(ceiling, y))
    }

    /// Drains the samples still held for look-ahead.
    func finish(_ sink: (Float) -> Void) {
        for _ in 0..<(lookahead - 1) {
            if let y = push(0) { sink(y) }
        }
    }
}
