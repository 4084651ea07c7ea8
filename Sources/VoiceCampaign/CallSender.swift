import Foundation

/// What the campaign needs from a provider. Provider clients adapt to this, so the
/// exactly-once logic is written (and tested) once for every provider.
public protocol CallSender: Sendable {
    /// `alphasms` or `zvonobot`: stored in the ledger with each row.
    var provider: String { get }
    /// Current balance in the account's currency, or nil when the provider cannot tell.
    func balance() async throws -> Double?
    /// Makes the prepared audio usable for calls: an upload per call (AlphaSMS) needs
    /// nothing here; a record (apiCalls) is created once and referenced by id.
    func prepareMedia(file: String, name: String) async throws -> MediaHandle
    func send(_ call: OutgoingCall) async throws -> SendReceipt
    /// Status of earlier calls by provider id, where the provider offers it (reconcile).
    func status(ids: [String]) async throws -> [String: String]
}

public struct MediaHandle: Sendable, Equatable {
    public var file: String
    public var recordID: String?
    public var moderation: String?
    public init(file: String, recordID: String? = nil, moderation: String? = nil) {
        self.file = file
        self.recordID = recordID
        self.moderation = moderation
    }
}

public struct OutgoingCall: Sendable {
    public var phone: String
    public var media: MediaHandle
    public var hook: String?
    public var dtmf: Bool
    public init(phone: String, media: MediaHandle, hook: String?, dtmf: Bool) {
        self.phone = phone
        self.media = media
        self.hook = hook
        self.dtmf = dtmf
    }
}

public struct SendReceipt: Sendable, Equatable {
    public var providerID: String
    public var price: Double?
    public init(providerID: String, price: Double?) {
        self.providerID = providerID
        self.price = price
    }
}

/// How a failed request ended, which decides whether it may be retried.
public enum SendFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request provably never reached the provider (refused, DNS, TLS handshake): safe to retry.
    case notReached(String)
    /// The provider asked to retry later (429/503), optionally after this many seconds.
    case retryLater(after: Double?, String)
    /// The provider answered with an error: final for this row.
    case rejected(code: String, message: String)
    /// The request may have reached the provider but no answer came back: never retried automatically.
    case mayHaveReached(String)

    public var description: String {
        switch self {
        case let .notReached(m): return "not sent: \(m)"
        case let .retryLater(after, m): return "provider asked to retry\(after.map { String(format: " after %.0f s", $0) } ?? ""): \(m)"
        case let .rejected(code, m): return "rejected (\(code)): \(m)"
        case let .mayHaveReached(m): return "outcome unknown: \(m)"
        }
    }
}
