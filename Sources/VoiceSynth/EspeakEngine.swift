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
    func synthesise(ssml: String, voice: String, rate: Int, pitch: Int, range: Int) throws -> [Int16] {
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
