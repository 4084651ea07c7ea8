/// Stable problem codes. The first four mirror the strings providers answer
/// with (`Invalid file format`, `Unsupported audio format`, `Invalid audio duration`,
/// `File is too big`), so a pipeline can tell in advance what an upload would get.
public enum ProblemCode: String, Codable, Sendable, CaseIterable {
    case invalidFileFormat = "invalid_file_format"
    case unsupportedAudioFormat = "unsupported_audio_format"
    case invalidAudioDuration = "invalid_audio_duration"
    case fileTooBig = "file_too_big"
    case silent
    case nonFiniteSamples = "non_finite_samples"
    case nearSilent = "near_silent"
    case clipping
    case dcOffset = "dc_offset"
    case longLeadingSilence = "long_leading_silence"
    case longTrailingSilence = "long_trailing_silence"
    case loudnessOffTarget = "loudness_off_target"
    case truePeakOverCeiling = "true_peak_over_ceiling"
}

public enum Severity: String, Codable, Sendable {
    /// The provider would reject the file, or it carries nothing to hear.
    case error
    /// Accepted, but it will sound worse than it should.
    case warning
}

public struct Problem: Codable, Equatable, Sendable {
    public var code: ProblemCode
    public var severity: Severity
    public var message: String

    public init(_ code: ProblemCode, _ severity: Severity, _ message: String) {
        self.code = code
        self.severity = severity
        self.message = message
    }
}
