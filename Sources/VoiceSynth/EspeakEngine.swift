import CEspeakNG
import Foundation

/// The libespeak-ng C API. `start` runs only on the `SpeechSynthesizer` actor; after it,
/// this process's espeak-ng state is never modified again (synthesis happens in processes
/// forked from it, see the shim), which is what makes concurrent `synthesise` calls safe.
final class EspeakEngine: @unchecked Sendable {
    private(set) var sampleRate = 0
    private var initialised = false
    /// Every utterance starts from the same state, so a word run always renders to the same
    /// samples: repeated runs (code digits, greetings) are rendered once per process.
    private let cache = UtteranceCache()
    let zygotes = ZygotePool()

    /// espeak-ng's state is per process, so it is initialised once per process: a second
    /// `espeak_Initialize` racing a fork would give a zygote half-built state for good.
    private static let initialisation: Result<Int, SynthError> = {
        let rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nil, Int32(espeakINITIALIZE_DONT_EXIT))
        guard rate > 0 else {
            return .failure(.engineUnavailable("espeak_Initialize failed (is espeak-ng-data installed? run scripts/bootstrap)"))
        }
        return .success(Int(rate))
    }()

    func start() throws {
        guard !initialised else { return }
        sampleRate = try Self.initialisation.get()
        initialised = true
    }

    /// Synthesises plain UTF-8 text and returns 16-bit samples at `sampleRate`.
    func synthesise(text: String, voice: String, rate: Int, pitch: Int, range: Int) throws(SynthError) -> [Int16] {
        let key = "\(voice)|\(rate)|\(pitch)|\(range)|\(text)"
        if let hit = cache[key] { return hit }
        let samples = try synthesiseUncached(text: text, voice: voice, rate: rate, pitch: pitch, range: range)
        cache[key] = samples
        return samples
    }

    /// Renders in a fresh grandchild of the voice's zygote, which starts from the state the
    /// zygote had right after setting the voice: the same text gives the same samples on every call.
    func synthesiseUncached(text: String, voice: String, rate: Int, pitch: Int, range: Int) throws(SynthError) -> [Int16] {
        let key = ZygotePool.Key(voice: voice, rate: rate, pitch: pitch, range: range)
        let zygote = try zygotes.zygote(for: key)
        if let samples = try zygote.synthesise(text) { return samples }
        // Killed since it last answered (OOM killer, an operator): replaced once, the render retried.
        if let samples = try zygotes.zygote(for: key, replacing: zygote).synthesise(text) { return samples }
        throw SynthError.synthesisFailed("the espeak-ng process crashed")
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
