import Foundation

/// Look-ahead peak limiter. The gain at each sample is the minimum gain any
/// sample in the next `lookahead` needs, smoothed with a box filter of the same
/// length; the box average at a peak only covers values no larger than that
/// peak's own need, so the ceiling holds exactly while the gain still ramps
/// smoothly (no clicks) and releases slowly (no pumping on speech).
/// A struct processing whole blocks: per-sample class property access would pay
/// for Swift's dynamic exclusivity checks on every sample.
struct PeakLimiter {
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

    static let lookaheadSeconds = 0.005
    static let releaseSeconds = 0.08

    static func lookahead(sampleRate: Int) -> Int { max(1, Int((lookaheadSeconds * Double(sampleRate)).rounded())) }

    init(ceiling: Float, sampleRate: Int, releaseSeconds: Double = PeakLimiter.releaseSeconds) {
        self.ceiling = ceiling
        lookahead = Self.lookahead(sampleRate: sampleRate)
        releaseCoeff = 1 - exp(-1 / (releaseSeconds * Double(sampleRate)))
        delay = [Float](repeating: 0, count: lookahead)
        envRing = [Double](repeating: 1, count: lookahead)
        envSum = Double(lookahead)
        minIdx = [Int](repeating: 0, count: lookahead + 1)
        minVal = [Double](repeating: 1, count: lookahead + 1)
    }

    /// Limits `input * gain`, appending to `output` the samples that leave the look-ahead delay.
    /// Ring positions advance by compare-and-wrap: a `%` per index would cost an integer
    /// division several times a sample, more than the limiting itself.
    mutating func process(_ input: UnsafeBufferPointer<Float>, gain: Float, into output: inout [Float]) {
        guard !input.isEmpty else { return }
        let cap = lookahead + 1
        let la = lookahead
        let ceil = ceiling
        let release = releaseCoeff, keep = 1 - releaseCoeff, perSample = 1 / Double(la)
        var head = self.head, count = self.count, n = self.n, env = self.env, envSum = self.envSum
        var pos = n % la
        let base = output.count
        output.append(contentsOf: repeatElement(0, count: input.count))
        var produced = 0
        delay.withUnsafeMutableBufferPointer { delay in
        envRing.withUnsafeMutableBufferPointer { ring in
        minIdx.withUnsafeMutableBufferPointer { minIdx in
        minVal.withUnsafeMutableBufferPointer { minVal in
        output.withUnsafeMutableBufferPointer { out in
            for raw in input {
                let x = raw * gain
                let a = abs(x)
                let need = a > ceil ? Double(ceil / a) : 1
                // Monotonic deque (ring of capacity la+1) holding the window minimum.
                while count > 0 {
                    var back = head + count - 1
                    if back >= cap { back -= cap }
                    if minVal[back] >= need { count -= 1 } else { break }
                }
                var slot = head + count
                if slot >= cap { slot -= cap }
                minIdx[slot] = n
                minVal[slot] = need
                count += 1
                while minIdx[head] <= n - la {
                    head += 1
                    if head == cap { head = 0 }
                    count -= 1
                }
                delay[pos] = x
                n += 1
                pos += 1
                if pos == la { pos = 0 }
                guard n >= la else { continue }
                // Window [n-la, n-1] is complete: its minimum is the need of sample n-la,
                // which sits at `pos` in the delay line (n - la ≡ n mod la).
                // env + (1 - env)·release, written as one multiply-add: this chain is serial.
                env = min(minVal[head], env * keep + release)
                envSum += env - ring[pos]
                ring[pos] = env
                let g = Float(min(1, envSum * perSample))
                let y = delay[pos] * g
                out[base + produced] = max(-ceil, min(ceil, y))
                produced += 1
            }
        }}}}}
        output.removeLast(input.count - produced)
        self.head = head
        self.count = count
        self.n = n
        self.env = env
        self.envSum = envSum
    }

    /// Drains the samples still held for look-ahead.
    mutating func finish(into output: inout [Float]) {
        let zeros = [Float](repeating: 0, count: lookahead - 1)
        zeros.withUnsafeBufferPointer { process($0, gain: 1, into: &output) }
    }
}
