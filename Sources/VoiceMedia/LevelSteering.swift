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

    /// Loudness is close enough when within this of the target, LU.
    static let loudnessAccuracy = 0.3
    /// Gain is capped so near-silent noise is not blown up into a roar.
    static let maxGain = 40.0
    /// Headroom kept under the true-peak ceiling by a measuring pass, for the dither to come.
    static let peakMargin = 0.1

    let target: Double
    let truePeakCeiling: Double
    private(set) var levels: Levels
    /// True once a measurement taken at the current levels was on target.
    private(set) var verified = false
    private var previous: (gain: Double, loudness: Double)?

    /// Starts from the loudness and true peak measured while preparing. When the true peak
    /// at the target's gain stays under the ceiling the limiter would never act, loudness
    /// moves exactly with the gain, and no limiter is used.
    init(profile p: Profile, loudness before: Double, truePeak: Double) {
        target = p.loudness
        truePeakCeiling = p.truePeak
        guard before.isFinite else {
            levels = Levels(before: before, gain: 0, ceiling: p.truePeak - 1)
            return
        }
        let gain = min(Self.maxGain, p.loudness - before)
        let limiting = truePeak + gain > p.truePeak - Self.peakMargin
        levels = Levels(before: before, gain: gain, ceiling: limiting ? p.truePeak - 1 : nil)
    }

    /// Takes a measurement made at the current levels: marks them verified when on target,
    /// otherwise lowers the ceiling (true peak over) or takes a secant step on the gain.
    /// `written`: measured on the dithered file, which only has to pass validation.
    mutating func observe(_ m: (loudness: Double, truePeak: Double), written: Bool = false) {
        guard m.loudness.isFinite else { verified = true; return }
        let loud = abs(m.loudness - target) <= Self.loudnessAccuracy || levels.gain >= Self.maxGain
        let peak = m.truePeak <= truePeakCeiling - (written ? 0 : Self.peakMargin)
        if loud && peak { verified = true; return }
        verified = false
        if !peak {
            levels.ceiling = (levels.ceiling ?? truePeakCeiling - 1) - (m.truePeak - (truePeakCeiling - 0.3))
            previous = nil
            return
        }
        var slope = 1.0
        if let prev = previous, abs(levels.gain - prev.gain) > 0.01 {
            slope = max(0.2, min(1.5, (m.loudness - prev.loudness) / (levels.gain - prev.gain)))
        }
        previous = (levels.gain, m.loudness)
        levels.gain = min(Self.maxGain, levels.gain + (target - m.loudness) / slope)
    }
}
