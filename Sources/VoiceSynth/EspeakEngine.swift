import CEspeakNG
import Foundation

/// The libespeak-ng C API. `start` runs only on the `SpeechSynthesizer` actor; after it,
/// this process's espeak-ng state is never modified again (synthesis happens in forked
/// children), which is what makes concurrent `synthesise` calls safe.
final class EspeakEngine: @unchecked Sendable {
    private(set) var sampleRate = 0
    private var initialised = false

    func start() throws {
        guard !initialised else { return }
        let rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nil, Int32(espeakINITIALIZE_DONT_EXIT))
        guard rate > 0 else {
            throw SynthError.engineUnavailable("espeak_Initialize failed (is espeak-ng-data installed? run scripts/bootstrap)")
        }
        sampleRate = Int(rate)
        initialised = true
    }

    /// Synthesises SSML text and returns 16-bit samples at `sampleRate`. Runs in a forked
    /// child from the pristine post-initialisation state (see the shim), which is what makes
    /// the same text give the same samples on every call.
    /// Every utterance starts from the same state, so a word run always renders to the same
    /// samples: repeated runs (code digits, greetings) are rendered once per process.
    private let cache = UtteranceCache()

    func synthesise(ssml: String, voice: String, rate: Int, pitch: Int, range: Int) throws -> [Int16] {
        let key = "\(voice)|\(rate)|\(pitch)|\(range)|\(ssml)"
        if let hit = cache[key] { return hit }
        let samples = try synthesiseUncached(ssml: ssml, voice: voice, rate: rate, pitch: pitch, range: range)
        cache[key] = samples
        return samples
    }

    func synthesiseUncached(ssml: String, voice: String, rate: Int, pitch: Int, range: Int) throws -> [Int16] {
        var raw: UnsafeMutablePointer<Int16>?
        let n = voiceprep_synth_isolated(ssml, voice, Int32(rate), Int32(pitch), Int32(range), &raw)
        defer { free(raw) }
        switch n {
        case -2: throw SynthError.unknownVoice(voice)
        case -3: throw SynthError.synthesisFailed("espeak_Synth rejected the text")
        case -4: throw SynthError.synthesisFailed("the espeak-ng process crashed")
        case ..<0: throw SynthError.synthesisFailed("cannot start a synthesis process: \(String(cString: strerror(errno)))")
        default: break
        }
        guard let raw, n > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: raw, count: n))
    }
}

/// A bounded, thread-safe map from utterance to samples.
final class UtteranceCache: @unchecked Sendable {
    private var entries: [String: [Int16]] = [:]
    private var bytes = 0
    private let lock = NSLock()
    private let limit = 64 << 20

    subscript(key: String) -> [Int16]? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return entries[key]
        }
        set {
            guard let value = newValue else { return }
            lock.lock()
            defer { lock.unlock() }
            if bytes + value.count * 2 > limit {
                entries.removeAll(keepingCapacity: true)
                bytes = 0
            }
            if entries.updateValue(value, forKey: key) == nil { bytes += value.count * 2 }
        }
    }
}
