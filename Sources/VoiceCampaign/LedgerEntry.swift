import Foundation

/// Where a campaign row stands. The order of a row's life is
/// prepared → sending → sent | rejected | unknown; `sending` is written durably before
/// the request goes out, so a crash mid-request leaves evidence, never a silent resend.
public enum RowState: String, Codable, Sendable, CaseIterable {
    case prepared, sending, sent, rejected, unknown
}

/// The identity of a row: sending the same content to the same phone in the same
/// campaign is one row, however many times the command runs.
public struct RowKey: Hashable, Codable, Sendable {
    public var campaign: String
    public var phone: String
    public var contentHash: String
    public init(campaign: String, phone: String, contentHash: String) {
        self.campaign = campaign
        self.phone = phone
        self.contentHash = contentHash
    }
}

public struct LedgerEntry: Codable, Sendable, Equatable {
    public var campaign: String
    public var phone: String
    public var contentHash: String
    public var provider: String
    public var line: Int?
    public var state: RowState
    public var providerID: String?
    public var price: Double?
    public var errorCode: String?
    public var errorMessage: String?
    public var attempts: Int
    /// From status webhooks or reconciliation.
    public var callStatus: String?
    public var callDuration: Int?
    public var dtmf: String?
    public var updatedAt: String

    public var key: RowKey { RowKey(campaign: campaign, phone: phone, contentHash: contentHash) }
}
