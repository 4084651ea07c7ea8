import Foundation

/// A provider's acceptance rules and the targets conversion aims for.
/// Neither provider publishes limits; the built-in values are the safe telephony
/// common denominator, and every field can be overridden from a file or a flag.
public struct Profile: Codable, Equatable, Sendable {
    public var name: String
    public var description: String
    /// Accepted container (`wav`).
    public var container: String
    /// Accepted sample encoding (`pcm_s16`, `pcm_u8`, `ulaw`, `alaw`, `pcm_s24`, `float32`).
    public var codec: String
    public var sampleRate: Int
    public var channels: Int
    public var minDuration: Double
    public var maxDuration: Double
    /// Largest accepted file, in bytes.
    public var maxSize: Int
    /// Integrated loudness conversion aims for, LUFS.
    public var loudness: Double
    /// How far from `loudness` a file may be before validate warns, LU.
    public var loudnessTolerance: Double
    /// True-peak ceiling, dBTP.
    public var truePeak: Double
    /// Whether conversion trims leading and trailing silence.
    public var trimSilence: Bool
    /// Silence kept at each end after trimming, seconds.
    public var silencePad: Double
    /// Leading or trailing silence longer than this is reported, seconds.
    public var maxEdgeSilence: Double
    /// Level below which a 10 ms frame counts as silence, dBFS.
    public var silenceThreshold: Double

    public static let alphasmsVoice = Profile(
        name: "alphasms-voice",
        description: "AlphaSMS voice.php upload (WAV; limits unpublished, telephony-safe defaults)",
        container: "wav", codec: "pcm_s16", sampleRate: 8000, channels: 1,
        minDuration: 1, maxDuration: 120, maxSize: 2 * 1024 * 1024,
        loudness: -18, loudnessTolerance: 2, truePeak: -1.5,
        trimSilence: true, silencePad: 0.25, maxEdgeSilence: 1.0, silenceThreshold: -50)

    public static let zvonobotRecord: Profile = {
        var p = alphasmsVoice
        p.name = "zvonobot-record"
        p.description = "Robocall apiCalls/createRecord upload (source=file; limits unpublished, telephony-safe defaults)"
        return p
    }()

    public static let builtIn: [Profile] = [alphasmsVoice, zvonobotRecord]

    public static func named(_ name: String) throws -> Profile {
        guard let p = builtIn.first(where: { $0.name == name }) else {
            throw ProfileError.unknown(name: name, known: builtIn.map(\.name))
        }
        return p
    }

    /// Checks the values make sense together, so a typo in a profile file fails early and clearly.
    public func checked() throws -> Profile {
        func bad(_ field: String, _ why: String) -> ProfileError { .invalidValue(profile: name, field: field, reason: why) }
        guard container == "wav" || SndFormat.code(container: container) != nil else { throw bad("container", "unknown container '\(container)'") }
        guard SndFormat.code(codec: codec) != nil else { throw bad("codec", "unknown codec '\(codec)'") }
        guard (1000...384_000).contains(sampleRate) else { throw bad("sampleRate", "\(sampleRate) Hz is outside 1000…384000") }
        guard (1...8).contains(channels) else { throw bad("channels", "\(channels) is outside 1…8") }
        guard minDuration >= 0, maxDuration > minDuration else { throw bad("maxDuration", "must be greater than minDuration (\(minDuration) s)") }
        guard maxSize > 44 else { throw bad("maxSize", "\(maxSize) bytes cannot hold a WAV header") }
        guard (-70.0 ... -1.0).contains(loudness) else { throw bad("loudness", "\(loudness) LUFS is outside -70…-1") }
        guard (-20.0 ... 0.0).contains(truePeak) else { throw bad("truePeak", "\(truePeak) dBTP is outside -20…0") }
        guard loudnessTolerance > 0 else { throw bad("loudnessTolerance", "must be positive") }
        guard silencePad >= 0, maxEdgeSilence >= silencePad else { throw bad("maxEdgeSilence", "must be at least silencePad (\(silencePad) s)") }
        return self
    }
}

public enum ProfileError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknown(name: String, known: [String])
    case unreadableFile(path: String, reason: String)
    case invalidValue(profile: String, field: String, reason: String)
    case unknownField(path: String, field: String)

    public var description: String {
        switch self {
        case let .unknown(name, known):
            return "unknown profile '\(name)'; built-in profiles: \(known.joined(separator: ", ")) (see `voiceprep profiles`)"
        case let .unreadableFile(path, reason):
            return "profile file \(path): \(reason)"
        case let .invalidValue(profile, field, reason):
            return "profile \(profile): field '\(field)': \(reason)"
        case let .unknownField(path, field):
            return "profile file \(path): unknown field '\(field)'; known fields: \(ProfileFile.fields.joined(separator: ", "))"
        }
    }
}
