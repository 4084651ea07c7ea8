import Crypto
import Foundation
import VoiceMedia

/// The providers' checks on an uploaded file: the bytes are written to a temporary file
/// and run through VoiceMedia's Validator with the provider's profile.
enum SandboxAudio {
    enum Verdict: Sendable {
        case accepted(duration: Int)
        case rejected(String)
    }

    static let verdicts = ValidationCache<Verdict>()

    /// Cached by a digest of the bytes: a campaign uploads the same file many times.
    static func check(_ audio: Data, profile: Profile) -> Verdict {
        if audio.count > profile.maxSize { return .rejected("File is too big") }
        let digest = SHA256.hash(data: audio).map { String(format: "%02x", $0) }.joined()
        return verdicts.value(for: digest + "|" + ValidationCache<Verdict>.profileKey(profile)) { uncached(audio, profile: profile) }
    }

    static func uncached(_ audio: Data, profile: Profile) -> Verdict {
        let path = NSTemporaryDirectory() + "voiceprep-sandbox-\(UUID().uuidString).wav"
        defer { unlink(path) }
        guard FileManager.default.createFile(atPath: path, contents: audio) else { return .rejected("Error uploading file") }
        let report = Validator.validate(path: path, profile: profile)
        let codes = Set(report.errors.map(\.code))
        // The provider's own order: a file that is not audio says so before anything else.
        if codes.contains(.invalidFileFormat) { return .rejected("Invalid file format") }
        if codes.contains(.unsupportedAudioFormat) { return .rejected("Unsupported audio format") }
        if codes.contains(.fileTooBig) { return .rejected("File is too big") }
        if codes.contains(.invalidAudioDuration) { return .rejected("Invalid audio duration") }
        // Silence and other content problems are ours to catch, not the provider's: accepted.
        return .accepted(duration: Int((report.format?.duration ?? 0).rounded(.up)))
    }
}
