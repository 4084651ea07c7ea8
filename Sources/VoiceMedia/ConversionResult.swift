/// What `convert` did to one input, for the report and `--json`.
public struct ConversionResult: Codable, Equatable, Sendable {
    public var input: String
    public var output: String
    public var profile: String
    public var inputFormat: AudioFormat?
    public var outputFormat: AudioFormat
    /// Integrated loudness of the input (mixed to mono and resampled) before gain, and of the written file, LUFS.
    public var loudnessBefore: Double?
    public var loudnessAfter: Double?
    public var truePeakAfter: Double?
    /// Gain applied before the limiter, dB.
    public var gain: Double
    /// Seconds removed at the start and the end, and added as padding to reach the minimum duration.
    public var trimmedStart: Double
    public var trimmedEnd: Double
    public var padded: Double
    /// NaN or infinite input samples replaced with silence.
    public var repairedSamples: Int
    /// Warnings the written file still carries (errors never leave the converter).
    public var warnings: [Problem]
}
