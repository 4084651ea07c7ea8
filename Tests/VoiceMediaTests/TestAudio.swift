import CSndFile
import Foundation
import Testing

/// Generates and inspects real audio files through libsndfile for the tests.
enum TestAudio {
    static func tempDir() throws -> String {
        let dir = NSTemporaryDirectory() + "voiceprep-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A speech-like test signal: a tone shaped into 4 Hz "syllables" with short gaps.
    static func speechLike(seconds: Double, rate: Int, frequency: Double = 440, amplitude: Float = 0.5, channels: Int = 1) -> [Float] {
        let n = Int(seconds * Double(rate))
        var out = [Float](repeating: 0, count: n * channels)
        for i in 0..<n {
            let t = Double(i) / Double(rate)
            let env = max(0, sin(2 * Double.pi * 4 * t))
            let v = amplitude * Float(env * sin(2 * Double.pi * frequency * t))
            for c in 0..<channels { out[i * channels + c] = v }
        }
        return out
    }

    static func tone(seconds: Double, rate: Int, frequency: Double, amplitude: Float, channels: Int = 1) -> [Float] {
        let n = Int(seconds * Double(rate))
        var out = [Float](repeating: 0, count: n * channels)
        for i in 0..<n {
            let v = amplitude * Float(sin(2 * Double.pi * frequency * Double(i) / Double(rate)))
            for c in 0..<channels { out[i * channels + c] = v }
        }
        return out
    }

    static func silence(seconds: Double, rate: Int, channels: Int = 1) -> [Float] {
        [Float](repeating: 0, count: Int(seconds * Double(rate)) * channels)
    }

    @discardableResult
    static func write(_ path: String, _ samples: [Float], rate: Int, channels: Int = 1,
                      format: Int32 = Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)) throws -> String {
        var info = SF_INFO()
        info.samplerate = Int32(rate)
        info.channels = Int32(channels)
        info.format = format
        guard let h = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw TestAudioError.cannotWrite(path, String(cString: sf_strerror(nil)))
        }
        sf_command(h, Int32(SFC_SET_ADD_PEAK_CHUNK), nil, Int32(SF_FALSE))
        _ = samples.withUnsafeBufferPointer { sf_writef_float(h, $0.baseAddress, sf_count_t(samples.count / channels)) }
        sf_close(h)
        return path
    }

    struct Decoded {
        var samples: [Float]
        var rate: Int
        var channels: Int
        var format: Int32
    }

    static func read(_ path: String) throws -> Decoded {
        var info = SF_INFO()
        guard let h = sf_open(path, Int32(SFM_READ), &info) else { throw TestAudioError.cannotRead(path) }
        defer { sf_close(h) }
        var buf = [Float](repeating: 0, count: Int(info.frames) * Int(info.channels))
        _ = buf.withUnsafeMutableBufferPointer { sf_readf_float(h, $0.baseAddress, info.frames) }
        return Decoded(samples: buf, rate: Int(info.samplerate), channels: Int(info.channels), format: info.format)
    }

    /// Dominant frequency estimated from zero crossings over the non-silent samples.
    static func zeroCrossingFrequency(_ s: [Float], rate: Int) -> Double {
        var crossings = 0
        var active = 0
        for i in 1..<s.count where abs(s[i]) > 0.01 || abs(s[i - 1]) > 0.01 {
            active += 1
            if (s[i - 1] < 0) != (s[i] < 0) { crossings += 1 }
        }
        return Double(crossings) / 2 / (Double(active) / Double(rate))
    }
}

enum TestAudioError: Error {
    case cannotWrite(String, String)
    case cannotRead(String)
}
