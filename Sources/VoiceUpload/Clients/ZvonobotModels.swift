import Foundation

/// A record (audio clip) on the apiCalls service, with its moderation state.
public struct RecordInfo: Sendable, Codable, Equatable {
    public var id: String
    public var name: String?
    public var status: String?
    /// The service's `needModeration`: while true, calls using this record do not start.
    public var needsModeration: Bool
    public var moderatorComment: String?
    public var path: String?
    public var cost: Double?
    public var deletedAt: Int?

    /// One phrase for terminals and JSON: what the moderation state means for calls.
    public var moderation: String {
        needsModeration ? "pending moderation: calls with this record will not start until it is approved" : "approved: ready for calls"
    }
}

/// One created call (one per phone).
public struct CreatedCall: Sendable, Codable, Equatable {
    public var id: String
    public var phone: String?
    public var createdAt: Int?
    public var plannedAt: Int?
    public var recordCost: Double?
}

/// One phone's leg of a call, from `get`.
public struct CallInfo: Sendable, Codable, Equatable {
    public var id: String
    public var phone: String?
    /// processed, created, started, answered, finished, canceled (004).
    public var status: String?
    /// The pressed digit (`ivrDigit`); nil when none (or -1: stayed on the line).
    public var dtmf: String?
    public var cost: Double?
    public var startedAt: Int?
    public var answeredAt: Int?
    public var finishedAt: Int?
}

public struct UserInfo: Sendable, Codable, Equatable {
    public var id: String?
    public var balance: Double?
}

/// What `apiCalls/create` needs: a record, one or more phones, and where the call comes from.
public struct CallRequest: Sendable {
    public enum Caller: Sendable, Equatable {
        /// A number added and confirmed in the account (`outgoingPhone`).
        case number(String)
        /// A random number from the account's duty list (`dutyPhone: 1`).
        case duty
    }

    public var recordID: String
    public var phones: [String]
    public var caller: Caller
    public var plannedAt: Date?
    public var webhookURL: String?

    public init(recordID: String, phones: [String], caller: Caller, plannedAt: Date? = nil, webhookURL: String? = nil) {
        self.recordID = recordID
        self.phones = phones
        self.caller = caller
        self.plannedAt = plannedAt
        self.webhookURL = webhookURL
    }
}
