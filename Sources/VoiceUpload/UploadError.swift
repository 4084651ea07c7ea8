/// Everything a provider call can end in, typed. AlphaSMS's documented error strings
/// each have a case; strings it may add later are kept verbatim in `provider`.
public enum UploadError: Error, Equatable, Sendable, CustomStringConvertible {
    case missingAPIKey, wrongAPIKey, banned, apiDisabled, ipDenied, missingPhone, noSoundFile, uploadFailed
    case fileTooBig, invalidFileFormat, unsupportedAudioFormat, invalidAudioDuration, invalidHookURL, insufficientFunds
    /// Any other error string from the provider, verbatim.
    case provider(String)
    /// HTML, garbage or an unexpected shape: the HTTP status and a short excerpt.
    case unexpectedResponse(status: Int, excerpt: String)
    /// The request never reached the provider (refused, DNS, TLS handshake): safe to retry.
    case notReached(String)
    /// The request may have reached the provider but no answer came back: not safe to retry.
    case noAnswer(String)
    /// 429/503: the provider asked to come back later.
    case retryLater(status: Int, after: Double?)
    /// The local file fails the provider's profile: it would be rejected, so it was not sent.
    case rejectedLocally(file: String, problems: [String])
    case invalidRequest(String)

    static let alphaSMSStrings: [String: UploadError] = [
        "API key missing": .missingAPIKey, "Wrong API key": .wrongAPIKey, "Banned": .banned, "API disabled": .apiDisabled,
        "IP denied": .ipDenied, "Param \"phone\" is missing": .missingPhone, "No sound file": .noSoundFile,
        "Error uploading file": .uploadFailed, "File is too big": .fileTooBig, "Invalid file format": .invalidFileFormat,
        "Unsupported audio format": .unsupportedAudioFormat, "Invalid audio duration": .invalidAudioDuration,
        "Invalid hook URL": .invalidHookURL, "Insufficient funds": .insufficientFunds,
    ]

    /// Maps a provider error string to its case.
    public static func from(providerMessage s: String) -> UploadError {
        let t = s.trimmingCharacters(in: .whitespaces)
        return alphaSMSStrings[t] ?? alphaSMSStrings.first { $0.key.caseInsensitiveCompare(t) == .orderedSame }?.value ?? .provider(t)
    }

    /// The provider's own words for this error (what its API returns).
    public var providerString: String? {
        if case let .provider(s) = self { return s }
        return Self.alphaSMSStrings.first { $0.value == self }?.key
    }

    public var code: String {
        switch self {
        case .missingAPIKey: return "missingAPIKey"
        case .wrongAPIKey: return "wrongAPIKey"
        case .banned: return "banned"
        case .apiDisabled: return "apiDisabled"
        case .ipDenied: return "ipDenied"
        case .missingPhone: return "missingPhone"
        case .noSoundFile: return "noSoundFile"
        case .uploadFailed: return "uploadFailed"
        case .fileTooBig: return "fileTooBig"
        case .invalidFileFormat: return "invalidFileFormat"
        case .unsupportedAudioFormat: return "unsupportedAudioFormat"
        case .invalidAudioDuration: return "invalidAudioDuration"
        case .invalidHookURL: return "invalidHookURL"
        case .insufficientFunds: return "insufficientFunds"
        case .provider: return "providerError"
        case .unexpectedResponse: return "unexpectedResponse"
        case .notReached: return "notReached"
        case .noAnswer: return "noAnswer"
        case .retryLater: return "retryLater"
        case .rejectedLocally: return "rejectedLocally"
        case .invalidRequest: return "invalidRequest"
        }
    }

    public var description: String {
        switch self {
        case .missingAPIKey, .wrongAPIKey: return "the provider says `\(providerString ?? "")`: check ALPHASMS_API_KEY / ZVONOBOT_API_KEY or --key-file"
        case .ipDenied: return "the provider says `IP denied`: allow this machine's IP address in the provider's cabinet"
        case .insufficientFunds: return "the provider says `Insufficient funds`: top up the balance"
        case .fileTooBig, .invalidFileFormat, .unsupportedAudioFormat, .invalidAudioDuration:
            return "the provider says `\(providerString ?? "")`: run `voiceprep validate` on the file and `voiceprep convert` it"
        case let .provider(s): return "the provider says `\(s)`"
        case let .unexpectedResponse(status, excerpt): return "unexpected answer (HTTP \(status)): \(excerpt)"
        case let .notReached(why): return "could not reach the provider (\(why)); nothing was sent"
        case let .noAnswer(why): return "no answer from the provider (\(why)); the request may have been processed — check its status before sending again"
        case let .retryLater(status, after): return "the provider is busy (HTTP \(status))\(after.map { ", retry after \(Int($0)) s" } ?? "")"
        case let .rejectedLocally(file, problems): return "\(file) would be rejected, not sent: \(problems.joined(separator: "; ")); use --convert or `voiceprep convert`"
        case let .invalidRequest(why): return why
        default: return "the provider says `\(providerString ?? code)`"
        }
    }
}
