import Foundation

/// Errors raised by the media stage. Each case carries the file it concerns so
/// a batch report can say which input failed and why.
public enum MediaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libsndfile could not read the file as audio (not audio, truncated, corrupt header, empty).
    case unreadable(path: String, reason: String)
    /// The output could not be created or written.
    case writeFailed(path: String, reason: String)
    /// The input holds nothing audible, so there is nothing to normalise.
    case silent(path: String)
    /// The audio, after trimming silence, is longer than the profile allows.
    case tooLong(path: String, seconds: Double, limit: Double)
    /// The encoded output would exceed the profile's size limit.
    case tooBig(path: String, bytes: Int, limit: Int)
    /// An output path is the same file as an input: inputs are never overwritten.
    case wouldOverwriteInput(path: String)
    /// A library call failed in a way that is not the input's fault.
    case engine(String)
    /// A converted file did not pass validation with its own profile (a bug, reported rather than hidden).
    case outputInvalid(path: String, problems: [String])

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): not readable as audio (\(reason))"
        case let .writeFailed(path, reason):
            return "\(path): cannot write output (\(reason))"
        case let .silent(path):
            return "\(path): nothing audible in the file; there is no speech to prepare"
        case let .tooLong(path, seconds, limit):
            return "\(path): \(Format.seconds(seconds)) of audio after trimming silence, the profile allows at most \(Format.seconds(limit)); shorten the message or raise --max-duration"
        case let .tooBig(path, bytes, limit):
            return "\(path): output would be \(Format.bytes(bytes)), the profile allows at most \(Format.bytes(limit)); shorten the message or raise --max-size"
        case let .wouldOverwriteInput(path):
            return "\(path): output would overwrite an input file; choose another -o or --out-dir"
        case let .engine(message):
            return "internal error: \(message)"
        case let .outputInvalid(path, problems):
            return "\(path): converted output failed validation (\(problems.joined(separator: "; ")))"
        }
    }

    /// A stable machine-readable code for `--json` output.
    public var code: String {
        switch self {
        case .unreadable: return ProblemCode.invalidFileFormat.rawValue
        case .writeFailed: return "write_failed"
        case .silent: return ProblemCode.silent.rawValue
        case .tooLong: return ProblemCode.invalidAudioDuration.rawValue
        case .tooBig: return ProblemCode.fileTooBig.rawValue
        case .wouldOverwriteInput: return "would_overwrite_input"
        case .engine: return "internal_error"
        case .outputInvalid: return "output_invalid"
        }
    }
}

/// Human-friendly number formatting shared by messages and reports.
public enum Format {
    public static func seconds(_ s: Double) -> String {
        if !s.isFinite { return "?" }
        if s >= 60 {
            let m = Int(s) / 60
            return String(format: "%d:%04.1f min", m, s - Double(m * 60))
        }
        return String(format: "%.2f s", s)
    }

    public static func bytes(_ b: Int) -> String {
        if b >= 1 << 20 { return String(format: "%.2f MiB", Double(b) / 1_048_576) }
        if b >= 1 << 10 { return String(format: "%.1f KiB", Double(b) / 1024) }
        return "\(b) B"
    }

    public static func db(_ v: Double, unit: String) -> String {
        v.isFinite ? String(format: "%.1f %@", v, unit) : "-inf \(unit)"
    }
}
