import Foundation
import CEbur128

/// EBU R128 integrated loudness and true peak through libebur128.
final class LoudnessMeter {
    private var state: UnsafeMutablePointer<ebur128_state>?
    let channels: Int

    /// `truePeak: false` skips the 4x oversampling that true peak needs, the costliest part of metering.
    init(channels: Int, sampleRate: Int, truePeak: Bool = true) throws {
        self.channels = channels
        let mode = EBUR128_MODE_I.rawValue | (truePeak ? EBUR128_MODE_TRUE_PEAK.rawValue : 0)
        guard let st = ebur128_init(UInt32(channels), UInt(sampleRate), Int32(mode)) else {
            throw MediaError.engine("libebur128 refused \(channels) channels at \(sampleRate) Hz")
        }
        state = st
    }

    deinit { ebur128_destroy(&state) }

    func add(_ interleaved: UnsafeBufferPointer<Float>, frames: Int) {
        guard frames > 0 else { return }
        _ = ebur128_add_frames_float(state, interleaved.baseAddress, frames)
    }

    /// Integrated loudness in LUFS; -inf when nothing passes the absolute gate (silence).
    var integrated: Double {
        var out = -Double.infinity
        guard ebur128_loudness_global(state, &out) == 0, out.isFinite else { return -.infinity }
        return out
    }

    /// Highest true peak over all channels, dBTP.
    var truePeak: Double {
        var peak = 0.0
        for ch in 0..<channels {
            var v = 0.0
            if ebur128_true_peak(state, UInt32(ch), &v) == 0 { peak = max(peak, v) }
        }
        return peak > 0 ? 20 * log10(peak) : -.infinity
    }
}
