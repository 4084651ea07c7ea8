import Foundation

/// Everything a provider request can end in, typed, with what it means for a retry.
///
/// AlphaSMS's documented error strings each have a case; strings it (or the apiCalls
/// service) may add later are kept verbatim in `provider`. Descriptions never contain
/// the API key: the key is never interpolated, and every excerpt of a provider answer
/// is passed through `APIKey.redact` first.
public enum UploadError: Error, Equatable, Sendable, CustomStringConvertible {
    // AlphaSMS voice.php error strings (001), in the document's order.
    case missingAPIKey, wrongAPIKey, banned, apiDisabled, ipDenied, missingPhone, noSoundFile, uploadFailed
    case fileTooBig, invalidFileFormat, unsupportedAudioFormat, invalidAudioDuration, insufficientFunds
    /// Not in 001's list; the issue asks for it. Its wording is our assumption.
    case invalidHookURL
    /// Any other error string from the provider, verbatim (already redacted).
    case provider(String)
    /// HTML, garbage or an unexpected shape: the HTTP status and a short excerpt.
    case unexpectedResponse(status: Int, excerpt: String)
    /// The request provably never reached the provider (refused, DNS, TLS handshake, connect timeout).
    case notReached(String)
    /// The request may have reached the provider but no complete answer came back
    /// (timeout after sending, connection dropped mid-response).
    case noAnswer(String)
    /// 429 or 503: the provider asked to come back later, optionally after `after` seconds.
    case retryLater(status: Int, after: Double?)
    /// The local file fails the provider's profile: it would be rejected, so it was not sent.
    case rejectedLocally(file: String, problems: [String])
    /// A request that cannot be sent as given (bad hook URL, bad base URL, unreadable file…).
    case invalidRequest(String)

    /// The provider's wording for each typed case (001; `invalidHookURL` assumed).
    public static let alphaSMSStrings: [(String, UploadError)] = [
        ("API key missing", .missingAPIKey), ("Wrong API key", .wrongAPIKey), ("Banned", .banned),
        ("API disabled", .apiDisabled), ("IP denied", .ipDenied), ("Param \"phone\" is missing", .missingPhone),
        ("No sound file", .noSoundFile), ("Error uploading file", .uploadFailed), ("File is too big", .fileTooBig),
        ("Invalid file format", .invalidFileFormat), ("Unsupported audio format", .unsupportedAudioFormat),
        ("Invalid audio duration", .invalidAudioDuration), ("Insufficient funds", .insufficientFunds),
        ("Invalid hook URL", .invalidHookURL),
    ]

    /// Maps a provider error string to its case; unknown strings are kept verbatim.
    public static func from(providerMessage raw: String) -> UploadError {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let hit = alphaSMSStrings.first(where: { $0.0.caseInsensitiveCompare(text) == .orderedSame }) { return hit.1 }
        return .provider(text)
    }

    /// The provider's own words for this error, as its API returns them.
    public var providerString: String? {
        if case let .provider(s) = self { return s }
        return Self.alphaSMSStrings.first { $0.1 == self }?.0
    }

    /// What a caller (a campaign ledger) may do after this error.
    public enum Disposition: Sendable, Equatable {
        /// Provably not sent: safe to send again.
        case notSent
        /// The provider asked to retry later: it did not process the request.
        case retryLater(after: Double?)
        /// A definitive answer: the provider (or the local check) refused; not charged.
        case rejected
        /// It may have been processed (and paid): never re-send blindly, check status first.
        case unknown
    }

    public var disposition: Disposition {
        switch self {
        case .notReached: return .notSent
        case let .retryLater(_, after): return .retryLater(after: after)
        case .noAnswer: return .unknown
        case let .unexpectedResponse(status, _):
            // A redirect or a 4xx page (wrong base URL, missing endpoint) comes from a
            // server that did not run the endpoint; a 2xx with garbage or a 5xx may come
            // after the call was queued.
            return (300..<500).contains(status) ? .rejected : .unknown
        default: return .rejected
        }
    }

    /// False only when the request provably never reached the provider (or was never
    /// attempted because it failed a local check).
    public var mayHaveReachedProvider: Bool {
        switch self {
        case .notReached, .rejectedLocally, .invalidRequest: return false
        default: return true
        }
    }

    /// True when the provider may have acted on the request without our knowing: the
    /// one outcome after which re-sending could call (and charge) twice.
    public var outcomeUnknown: Bool { disposition == .unknown }

    /// Seconds the provider asked us to wait (Retry-After), if it said.
    public var retryAfter: Double? {
        if case let .retryLater(_, after) = self { return after }
        return nil
    }

    /// Stable code for JSON output and ledgers: the case's name.
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
        case .insufficientFunds: return "insufficientFunds"
        case .invalidHookURL: return "invalidHookURL"
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
        let says = "the provider answered \"\(providerString ?? code)\""
        switch self {
        case .missingAPIKey, .wrongAPIKey:
            return "\(says): check the key in ALPHASMS_API_KEY / ZVONOBOT_API_KEY or the --key-file"
        case .banned, .apiDisabled:
            return "\(says): the account cannot use the API; contact the provider's support"
        case .ipDenied:
            return "\(says): allow this machine's IP address in the provider's account settings"
        case .missingPhone:
            return "\(says): give a phone number with the country code, e.g. 380501234567"
        case .noSoundFile, .uploadFailed:
            return "\(says): the file did not arrive whole; try again, and check the file is readable"
        case .fileTooBig, .invalidFileFormat, .unsupportedAudioFormat, .invalidAudioDuration:
            return "\(says): check the file with `voiceprep validate` and fix it with `voiceprep convert` (or upload with --convert)"
        case .insufficientFunds:
            return "\(says): top up the balance (see `voiceprep balance`)"
        case .invalidHookURL:
            return "\(says): the hook must be an absolute http(s) URL reachable from the internet"
        case let .provider(s) where s.caseInsensitiveCompare("Access denied") == .orderedSame:
            // json.php's answer to a wrong or missing key (002 §12).
            return "the provider answered \"\(s)\": check the key in ALPHASMS_API_KEY or the --key-file"
        case let .provider(s):
            return "the provider answered \"\(s)\""
        case let .unexpectedResponse(status, excerpt):
            return "unexpected answer from the provider (HTTP \(status)): \(excerpt) — check --base-url points at the site root"
        case let .notReached(why):
            return "could not reach the provider (\(why)); nothing was sent, it is safe to try again"
        case let .noAnswer(why):
            return "no complete answer from the provider (\(why)); the request may have been processed — check its status before sending again"
        case let .retryLater(status, after):
            return "the provider is busy (HTTP \(status))\(after.map { "; retry after \(Int($0.rounded(.up))) s" } ?? "; retry later")"
        case let .rejectedLocally(file, problems):
            return "\(file) would be rejected by the provider, so it was not sent: \(problems.joined(separator: "; ")) (--convert uploads a converted copy)"
        case let .invalidRequest(why):
            return why
        }
    }
}
