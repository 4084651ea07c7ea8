/// Errors of the synthesis stage; each says what to do about it.
public enum SynthError: Error, Equatable, Sendable, CustomStringConvertible {
    case engineUnavailable(String)
    case unknownVoice(String)
    case synthesisFailed(String)
    case emptyMessage
    case tooLong(estimated: Double, limit: Double)

    public var description: String {
        switch self {
        case let .engineUnavailable(why): return "speech engine unavailable: \(why)"
        case let .unknownVoice(name): return "espeak-ng has no voice '\(name)'; list them with `espeak-ng --voices`"
        case let .synthesisFailed(why): return "speech synthesis failed: \(why)"
        case .emptyMessage: return "the message has nothing to say (no words after normalisation)"
        case let .tooLong(estimated, limit):
            return String(format: "the message would last about %.1f s, the profile allows at most %.1f s; shorten the text or raise --max-duration", estimated, limit)
        }
    }
}
