import Foundation

/// Steers the gain and the limiter's ceiling towards the profile's loudness target with
/// the true peak under its ceiling, from measurements of the rendered output (the limiter
/// takes loudness away, so the input's loudness alone does not settle it).
struct LevelSteering {
    struct Levels {
        /// Integrated loudness of the prepared (resampled) input, LUFS.
        var before: Double
        /// Gain before the limiter, dB.
        var gain: Double
        /// Sample-peak ceiling of the limiter, dBFS; nil when no sample needs limiting.
        var ceiling: Double?
    }

    /// Loudness is close enough when within this of the target, LU: EBU R128's tolerance
    /// for programmes normalised from files (a listener notices about 1 LU).
    static let loudnessAccuracy = 0.5
    /// Gain is capped so near-silent noise is not blown up into a roar.
    static let maxGain = 40.0
    /// Headroom kept under the true-peak ceiling by a measuring pass, for the dither to come
    /// (one 16-bit LSB of dither moves a -1.5 dBFS peak by 0.0003 dB).
    static let peakMargin = 0.02
    /// The limiter works on samples; peaks between samples of limited 8 kHz speech overshoot
    /// its ceiling by about 1 dB (1.5 at most over 200 espeak-ng messages), so it starts this
    /// far under the true-peak ceiling: 1.4 lets 98% of them pass with one write.
    static let initialHeadroom = 1.4

    /// Fitted on espeak-ng speech at 8 kHz: 1 (a straight line) undershoots the gain the
    /// target needs, 2 (a parabola) overshoots it.
    static let lossExponent = 1.65

    let target: Double
    let truePeakCeiling: Double
    private(set) var levels: Levels
    /// True once a measurement taken at the current levels was on target.
    private(set) var verified = false
    private let samplePeak: Double
    private var previous: (gain: Double, loudness: Double, ceiling: Double?)?

    /// Starts from the loudness, true peak and sample peak measured while preparing. When
    /// the true peak at the target's gain stays under the ceiling, the limiter would never
    /// act, loudness moves exactly with the gain, and no limiter is used.
    init(profile p: Profile, loudness before: Double, truePeak: Double, samplePeak: Double) {
        target = p.loudness
        truePeakCeiling = p.truePeak
        self.samplePeak = samplePeak
        guard before.isFinite else {
            levels = Levels(before: before, gain: 0, ceiling: p.truePeak - Self.initialHeadroom)
            return
        }
        let gain = min(Self.maxGain, p.loudness - before)
        let limiting = truePeak + gain > p.truePeak - Self.peakMargin
        levels = Levels(before: before, gain: gain, ceiling: limiting ? p.truePeak - Self.initialHeadroom : nil)
    }

    /// Aims the gain at the target through the limiter's predicted loss of loudness, in
    /// place of a measuring pass (see `LimiterModel`); no-op when nothing is limited.
    mutating func aim(_ model: LimiterModel) {
        guard let ceiling = levels.ceiling,
              let gain = model.gain(reaching: target, from: levels.before, ceiling: ceiling, maxGain: Self.maxGain) else { return }
        levels.gain = gain
    }

    /// Takes a measurement made at the current levels: marks them verified when on target,
    /// otherwise lowers the ceiling (true peak over) or picks a new gain.
    /// `written`: measured on the dithered file, which only has to pass validation.
    mutating func observe(_ m: (loudness: Double, truePeak: Double), written: Bool = false) {
        guard m.loudness.isFinite else { verified = true; return }
        let loud = abs(m.loudness - target) <= Self.loudnessAccuracy || levels.gain >= Self.maxGain
        let peak = m.truePeak <= truePeakCeiling - (written ? 0 : Self.peakMargin)
        if loud && peak { verified = true; return }
        verified = false
        if !peak {
            levels.ceiling = (levels.ceiling ?? truePeakCeiling - Self.initialHeadroom) - (m.truePeak - (truePeakCeiling - 0.2))
            return
        }
        let next: Double
        if let prev = previous, prev.ceiling == levels.ceiling, abs(levels.gain - prev.gain) > 0.01 {
            // Secant through two measured points at this ceiling.
            let slope = max(0.2, min(1.5, (m.loudness - prev.loudness) / (levels.gain - prev.gain)))
            next = levels.gain + (target - m.loudness) / slope
        } else {
            next = firstStep(m.loudness)
        }
        previous = (levels.gain, m.loudness, levels.ceiling)
        levels.gain = min(Self.maxGain, next)
    }

    /// The gain for a target from one measurement through the limiter. The limiter's loss
    /// of loudness is modelled as a·u^e (`lossExponent`), u the gain past the knee where the
    /// loudest sample meets the ceiling (no loss below it, and a slope that falls as limiting
    /// deepens, as measured speech shows); the model is fitted to the measurement and solved
    /// for the target by bisection. Only a guess: the next measurement checks it.
    private func firstStep(_ loudness: Double) -> Double {
        let g = levels.gain
        guard let ceiling = levels.ceiling, levels.before.isFinite, samplePeak.isFinite else {
            return g + (target - loudness)
        }
        let knee = ceiling - samplePeak
        let u0 = g - knee
        let loss = levels.before + g - loudness
        guard u0 > 0.1, loss > 0.01 else { return g + (target - loudness) }
        let e = Self.lossExponent
        let a = loss / pow(u0, e)
        func reached(_ u: Double) -> Double { levels.before + knee + u - a * pow(u, e) }
        // Loudness rises with u up to where the slope 1 - e·a·u^(e-1) reaches zero.
        var hi = pow(1 / (e * a), 1 / (e - 1)), lo = 0.0
        guard reached(hi) > target else { return knee + hi }
        for _ in 0..<40 {
            let mid = (lo + hi) / 2
            if reached(mid) < target { lo = mid } else { hi = mid }
        }
        return knee + (lo + hi) / 2
    }
}
