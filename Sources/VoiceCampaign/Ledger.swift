import Foundation
import GRDB

/// The exactly-once record of a campaign, in SQLite through GRDB. Every state change is
/// its own committed transaction with `synchronous = FULL`, so what the ledger says
/// survives a crash or a SIGKILL; claims are conditional updates, so two processes on
/// the same ledger cannot both send a row.
public final class Ledger: Sendable {
    private let db: DatabaseQueue
    public let path: String

    public init(path: String) throws {
        self.path = path
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            db = try DatabaseQueue(path: path, configuration: config)
            try Self.migrator.migrate(db)
        } catch {
            throw LedgerError.unusable(path: path, reason: "\(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE entry (
                    campaign TEXT NOT NULL, phone TEXT NOT NULL, contentHash TEXT NOT NULL,
                    provider TEXT NOT NULL, line INTEGER, state TEXT NOT NULL,
                    providerID TEXT, price REAL, errorCode TEXT, errorMessage TEXT,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    callStatus TEXT, callDuration INTEGER, dtmf TEXT,
                    updatedAt TEXT NOT NULL,
                    PRIMARY KEY (campaign, phone, contentHash));
                CREATE INDEX entry_provider_id ON entry(provider, providerID);
                CREATE TABLE media (
                    contentHash TEXT NOT NULL, provider TEXT NOT NULL, file TEXT, recordID TEXT, moderation TEXT,
                    PRIMARY KEY (contentHash, provider));
                CREATE TABLE webhook (
                    digest TEXT PRIMARY KEY, provider TEXT NOT NULL, providerID TEXT, receivedAt TEXT NOT NULL, body TEXT NOT NULL);
                """)
        }
        return m
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    // MARK: rows

    /// Records rows as prepared; rows already known keep whatever state they have.
    /// Returns how many were new.
    @discardableResult
    public func prepare(_ rows: [(key: RowKey, provider: String, line: Int?)]) throws -> Int {
        try write { db in
            var added = 0
            let now = Self.now()
            for r in rows {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO entry (campaign, phone, contentHash, provider, line, state, updatedAt)
                    VALUES (?, ?, ?, ?, ?, 'prepared', ?)
                    """, arguments: [r.key.campaign, r.key.phone, r.key.contentHash, r.provider, r.line, now])
                added += db.changesCount
            }
            return added
        }
    }

    /// Moves a row to `sending` if it may be sent: prepared, or unknown when `includeUnknown`.
    /// Returns false when another run already has it, or it is done. Committed before returning.
    public func claim(_ key: RowKey, includeUnknown: Bool = false) throws -> Bool {
        try write { db in
            let allowed = includeUnknown ? "('prepared','unknown')" : "('prepared')"
            try db.execute(sql: """
                UPDATE entry SET state = 'sending', attempts = attempts + 1, updatedAt = ?
                WHERE campaign = ? AND phone = ? AND contentHash = ? AND state IN \(allowed)
                """, arguments: [Self.now(), key.campaign, key.phone, key.contentHash])
            return db.changesCount == 1
        }
    }

    public func markSent(_ key: RowKey, providerID: String, price: Double?) throws {
        try transition(key, from: .sending, set: "state = 'sent', providerID = ?, price = ?, errorCode = NULL, errorMessage = NULL", [providerID, price])
    }

    public func markRejected(_ key: RowKey, code: String, message: String) throws {
        try transition(key, from: .sending, set: "state = 'rejected', errorCode = ?, errorMessage = ?", [code, message])
    }

    public func markUnknown(_ key: RowKey, reason: String) throws {
        try transition(key, from: .sending, set: "state = 'unknown', errorCode = 'unknown', errorMessage = ?", [reason])
    }

    /// The request provably never reached the provider: the row may be sent again.
    public func release(_ key: RowKey, reason: String) throws {
        try transition(key, from: .sending, set: "state = 'prepared', errorMessage = ?", [reason])
    }

    private func transition(_ key: RowKey, from: RowState, set: String, _ args: [(any DatabaseValueConvertible)?]) throws {
        try write { db in
            try db.execute(sql: "UPDATE entry SET \(set), updatedAt = ? WHERE campaign = ? AND phone = ? AND contentHash = ? AND state = ?",
                           arguments: StatementArguments(args + [Self.now(), key.campaign, key.phone, key.contentHash, from.rawValue]))
            if db.changesCount != 1 {
                throw LedgerError.conflict(key: key, expected: from)
            }
        }
    }

    /// Rows left in `sending` by a process that died mid-request: the request may have
    /// reached the provider, so they become `unknown` (never resent automatically).
    @discardableResult
    public func recoverInterrupted(campaign: String? = nil) throws -> Int {
        try write { db in
            if let campaign {
                try db.execute(sql: "UPDATE entry SET state = 'unknown', errorCode = 'interrupted', errorMessage = 'the process stopped while the request was in flight', updatedAt = ? WHERE state = 'sending' AND campaign = ?", arguments: [Self.now(), campaign])
            } else {
                try db.execute(sql: "UPDATE entry SET state = 'unknown', errorCode = 'interrupted', errorMessage = 'the process stopped while the request was in flight', updatedAt = ? WHERE state = 'sending'", arguments: [Self.now()])
            }
            return db.changesCount
        }
    }

    /// Reconciliation found out what happened to an unknown row.
    public func resolveUnknown(_ key: RowKey, providerID: String?, sent: Bool, price: Double? = nil, note: String) throws {
        try write { db in
            let state = sent ? "sent" : "prepared"
            try db.execute(sql: """
                UPDATE entry SET state = ?, providerID = COALESCE(?, providerID), price = COALESCE(?, price), errorMessage = ?, updatedAt = ?
                WHERE campaign = ? AND phone = ? AND contentHash = ? AND state = 'unknown'
                """, arguments: [state, providerID, price, note, Self.now(), key.campaign, key.phone, key.contentHash])
        }
    }

    public func entries(campaign: String? = nil, state: RowState? = nil) throws -> [LedgerEntry] {
        try db.read { db in
            var sql = "SELECT * FROM entry"
            var conds: [String] = []
            var args: [(any DatabaseValueConvertible)?] = []
            if let campaign { conds.append("campaign = ?"); args.append(campaign) }
            if let state { conds.append("state = ?"); args.append(state.rawValue) }
            if !conds.isEmpty { sql += " WHERE " + conds.joined(separator: " AND ") }
            sql += " ORDER BY campaign, line, phone"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(Self.entry)
        }
    }

    public func entry(_ key: RowKey) throws -> LedgerEntry? {
        try db.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM entry WHERE campaign = ? AND phone = ? AND contentHash = ?",
                             arguments: [key.campaign, key.phone, key.contentHash]).map(Self.entry)
        }
    }

    public func counts(campaign: String? = nil) throws -> [RowState: Int] {
        try db.read { db in
            let rows: [Row]
            if let campaign {
                rows = try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM entry WHERE campaign = ? GROUP BY state", arguments: [campaign])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM entry GROUP BY state")
            }
            var out: [RowState: Int] = [:]
            for r in rows { if let s = RowState(rawValue: r["state"]) { out[s] = r["n"] } }
            return out
        }
    }

    static func entry(_ r: Row) -> LedgerEntry {
        LedgerEntry(campaign: r["campaign"], phone: r["phone"], contentHash: r["contentHash"], provider: r["provider"],
                    line: r["line"], state: RowState(rawValue: r["state"]) ?? .unknown, providerID: r["providerID"],
                    price: r["price"], errorCode: r["errorCode"], errorMessage: r["errorMessage"], attempts: r["attempts"],
                    callStatus: r["callStatus"], callDuration: r["callDuration"], dtmf: r["dtmf"], updatedAt: r["updatedAt"])
    }

    // MARK: media

    public func media(contentHash: String, provider: String) throws -> (file: String?, recordID: String?, moderation: String?)? {
        try db.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM media WHERE contentHash = ? AND provider = ?", arguments: [contentHash, provider])
                .map { ($0["file"], $0["recordID"], $0["moderation"]) }
        }
    }

    public func saveMedia(contentHash: String, provider: String, file: String?, recordID: String?, moderation: String?) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO media (contentHash, provider, file, recordID, moderation) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(contentHash, provider) DO UPDATE SET file = COALESCE(excluded.file, file),
                    recordID = COALESCE(excluded.recordID, recordID), moderation = COALESCE(excluded.moderation, moderation)
                """, arguments: [contentHash, provider, file, recordID, moderation])
        }
    }

    /// A status learned by asking the provider (reconcile); a final status is never replaced by an earlier one.
    public func refreshStatus(provider: String, providerID: String, status: String) throws {
        try write { db in
            let current = try String.fetchOne(db, sql: "SELECT callStatus FROM entry WHERE provider = ? AND providerID = ? LIMIT 1",
                                              arguments: [provider, providerID])
            guard !(CallStatus.isFinal(current) && !CallStatus.isFinal(status)) else { return }
            try db.execute(sql: "UPDATE entry SET callStatus = ?, updatedAt = ? WHERE provider = ? AND providerID = ?",
                           arguments: [status.lowercased(), Self.now(), provider, providerID])
        }
    }

    // MARK: webhooks

    /// Applies a status report once: a repeated delivery (same digest) changes nothing.
    /// Returns false for duplicates and for ids the ledger does not know.
    public func applyWebhook(provider: String, providerID: String, status: String?, duration: Int?, dtmf: String?, digest: String, body: String) throws -> WebhookOutcome {
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO webhook (digest, provider, providerID, receivedAt, body) VALUES (?, ?, ?, ?, ?)",
                           arguments: [digest, provider, providerID, Self.now(), body])
            if db.changesCount == 0 { return .duplicate }
            // Webhooks arrive out of order: an in-progress status never replaces a final one.
            let current = try String.fetchOne(db, sql: "SELECT callStatus FROM entry WHERE provider = ? AND providerID = ? LIMIT 1",
                                              arguments: [provider, providerID])
            let status = CallStatus.isFinal(current) && !CallStatus.isFinal(status) ? current : status
            try db.execute(sql: """
                UPDATE entry SET callStatus = COALESCE(?, callStatus), callDuration = COALESCE(?, callDuration),
                    dtmf = COALESCE(?, dtmf), updatedAt = ?
                WHERE provider = ? AND providerID = ?
                """, arguments: [status, duration, dtmf, Self.now(), provider, providerID])
            return db.changesCount > 0 ? .applied : .unknownID
        }
    }

    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try db.write(body)
        } catch let e as LedgerError {
            throw e
        } catch {
            throw LedgerError.unusable(path: path, reason: "\(error)")
        }
    }
}

public enum WebhookOutcome: String, Sendable, Codable {
    case applied, duplicate, unknownID = "unknown_id"
}

public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    case unusable(path: String, reason: String)
    case conflict(key: RowKey, expected: RowState)

    public var description: String {
        switch self {
        case let .unusable(path, reason): return "ledger \(path): \(reason)"
        case let .conflict(key, expected):
            return "ledger: row \(key.phone) in \(key.campaign) was expected in state \(expected.rawValue); another process may be sending the same campaign"
        }
    }
}

/// Which call statuses end a call, across both providers' vocabularies.
enum CallStatus {
    static let inProgress: Set<String> = ["queued", "accepted", "sent", "processed", "created", "started", "answered", "dialing", "ringing", "pending"]

    static func isFinal(_ status: String?) -> Bool {
        guard let s = status?.lowercased(), !s.isEmpty else { return false }
        return !inProgress.contains(s)
    }
}
