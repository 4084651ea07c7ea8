import Foundation
import CEbur128

/// EBU R128 integrated loudness through libebur128, and true peak through `TruePeakMeter`.
final class LoudnessMeter {
    private var state: UnsafeMutablePointer<ebur128_state>?
    let channels: Int
    private var peaks: [TruePeakMeter]
    private var scratch: [Float] = []

    init(channels: Int, sampleRate: Int) throws {
        self.channels = channels
        guard let st = ebur128_init(UInt32(channels), UInt(sampleRate), Int32(EBUR128_MODE_I.rawValue)) else {
            throw MediaError.engine("libebur128 refused \(channels) channels at \(sampleRate) Hz")
        }
        state = st
        peaks = [TruePeakMeter](repeating: TruePeakMeter(), count: channels)
    }

    deinit { ebur128_destroy(&state) }

    func add(_ interleaved: UnsafeBufferPointer<Float>, frames: Int) {
        guard frames > 0 else { return }
        _ = ebur128_add_frames_float(state, interleaved.baseAddress, frames)
        for c in 0..<channels {
            peaks[c].add(interleaved: interleaved, frames: frames, channels: channels, channel: c, scratch: &scratch)
        }
    }

    /// Integrated loudness in LUFS; -inf when nothing passes the absolute gate (silence).
    var integrated: Double {
        var out = -Double.infinity
        guard ebur128_loudness_global(state, &out) == 0, out.isFinite else { return -.infinity }
        return out
    }

    /// Highest true peak over all channels, dBTP (-inf when silent).
    var truePeak: Double {
        let peak = peaks.map(\.linear).max() ?? 0
        return peak > 0 ? 20 * log10(peak) : -.infinity
    }
}
