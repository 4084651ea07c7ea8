import Foundation

/// One recipient of a campaign with its prepared audio.
public struct CampaignItem: Sendable {
    public var line: Int
    public var phone: String
    public var contentHash: String
    public var mediaFile: String
    public var hook: String?
    public var dtmf: Bool

    public init(line: Int, phone: String, contentHash: String, mediaFile: String, hook: String? = nil, dtmf: Bool = false) {
        self.line = line
        self.phone = phone
        self.contentHash = contentHash
        self.mediaFile = mediaFile
        self.hook = hook
        self.dtmf = dtmf
    }
}

public struct SendOptions: Sendable {
    public var campaign: String
    public var concurrency: Int
    public var requestsPerSecond: Double
    public var backoff: Backoff
    /// Re-send rows whose outcome is unknown (the operator checked they were not delivered).
    public var resendUnknown: Bool
    public var dryRun: Bool
    /// Refuse to start when the balance cannot cover `pending × pricePerCall`.
    public var checkBalance: Bool
    public var pricePerCall: Double

    public init(campaign: String, concurrency: Int = 4, requestsPerSecond: Double = 20, backoff: Backoff = .init(),
                resendUnknown: Bool = false, dryRun: Bool = false, checkBalance: Bool = true, pricePerCall: Double = 0.4) {
        self.campaign = campaign
        self.concurrency = concurrency
        self.requestsPerSecond = requestsPerSecond
        self.backoff = backoff
        self.resendUnknown = resendUnknown
        self.dryRun = dryRun
        self.checkBalance = checkBalance
        self.pricePerCall = pricePerCall
    }
}

public struct RowOutcome: Codable, Sendable {
    public var line: Int
    public var phone: String
    public var state: RowState
    public var providerID: String?
    public var price: Double?
    public var error: String?
    /// True when this run did not touch the row (already sent, rejected or unknown earlier).
    public var skipped: Bool
}

public struct SendSummary: Codable, Sendable, Equatable {
    public var campaign: String
    public var rows: Int
    public var sentNow: Int
    public var sent: Int
    public var rejected: Int
    public var unknown: Int
    public var pending: Int
    public var cost: Double
    public var dryRun: Bool
}

public enum CampaignError: Error, Equatable, Sendable, CustomStringConvertible {
    case insufficientBalance(balance: Double, estimate: Double, rows: Int)
    case mediaFailed(hash: String, reason: String)
    case balanceUnavailable(String)

    public var description: String {
        switch self {
        case let .insufficientBalance(balance, estimate, rows):
            return String(format: "balance %.2f cannot cover about %.2f for %d calls; top up, send fewer rows (--shard), or pass --skip-balance-check", balance, estimate, rows)
        case let .balanceUnavailable(why):
            return "cannot check the balance (\(why)); try again, or pass --skip-balance-check"
        case let .mediaFailed(hash, reason):
            return "cannot prepare media \(hash.prefix(12)): \(reason)"
        }
    }
}

/// Sends a campaign through a ledger so that no row is paid twice and none is lost:
/// a row is claimed (`sending`, committed) before its request, and only failures that
/// provably never reached the provider are retried.
public struct CampaignSender: Sendable {
    public let ledger: Ledger
    public let sender: any CallSender
    public let options: SendOptions

    public init(ledger: Ledger, sender: any CallSender, options: SendOptions) {
        self.ledger = ledger
        self.sender = sender
        self.options = options
    }

    public func run(_ items: [CampaignItem], progress: @escaping @Sendable (RowOutcome) -> Void = { _ in }) async throws -> SendSummary {
        let campaign = options.campaign
        try ledger.recoverInterrupted(campaign: campaign)
        try ledger.prepare(items.map { (RowKey(campaign: campaign, phone: $0.phone, contentHash: $0.contentHash), sender.provider, $0.line) })

        var pending: [CampaignItem] = []
        for item in items {
            let key = RowKey(campaign: campaign, phone: item.phone, contentHash: item.contentHash)
            guard let e = try ledger.entry(key) else { continue }
            if e.state == .prepared || (options.resendUnknown && e.state == .unknown) {
                pending.append(item)
            } else {
                progress(RowOutcome(line: item.line, phone: item.phone, state: e.state, providerID: e.providerID, price: e.price,
                                    error: e.errorMessage, skipped: true))
            }
        }
        if options.checkBalance, !pending.isEmpty, !options.dryRun, let balance = try await currentBalance() {
            let estimate = Double(pending.count) * options.pricePerCall
            if balance < estimate { throw CampaignError.insufficientBalance(balance: balance, estimate: estimate, rows: pending.count) }
        }
        if options.dryRun { return try summary(rows: items.count, sentNow: 0) }

        let media = try await prepareMedia(pending)
        let limiter = RateLimiter(perSecond: options.requestsPerSecond)
        let sentNow = await withTaskGroup(of: Bool.self) { group in
            var next = 0
            var count = 0
            func submit() {
                guard next < pending.count else { return }
                let item = pending[next]
                next += 1
                group.addTask {
                    let outcome = await sendOne(item, media: media[item.contentHash], limiter: limiter)
                    progress(outcome)
                    return outcome.state == .sent && !outcome.skipped
                }
            }
            for _ in 0..<max(1, min(options.concurrency, pending.count)) { submit() }
            for await wasSent in group {
                if wasSent { count += 1 }
                submit()
            }
            return count
        }
        return try summary(rows: items.count, sentNow: sentNow)
    }

    /// Asking for the balance is safe to repeat, so transient failures are retried.
    private func currentBalance() async throws -> Double? {
        var attempt = 0
        while true {
            do { return try await sender.balance() } catch {
                attempt += 1
                if attempt >= options.backoff.maxAttempts { throw CampaignError.balanceUnavailable("\(error)") }
                try await Task.sleep(for: .seconds(options.backoff.delay(attempt: attempt)))
            }
        }
    }

    /// Each distinct content is made usable once (a record created once per campaign ledger).
    private func prepareMedia(_ items: [CampaignItem]) async throws -> [String: MediaHandle] {
        var out: [String: MediaHandle] = [:]
        for item in items where out[item.contentHash] == nil {
            if let known = try ledger.media(contentHash: item.contentHash, provider: sender.provider), known.recordID != nil || sender.provider == "alphasms" {
                out[item.contentHash] = MediaHandle(file: item.mediaFile, recordID: known.recordID, moderation: known.moderation)
                continue
            }
            do {
                let handle = try await sender.prepareMedia(file: item.mediaFile, name: "voiceprep-\(item.contentHash.prefix(12))")
                try ledger.saveMedia(contentHash: item.contentHash, provider: sender.provider, file: handle.file, recordID: handle.recordID, moderation: handle.moderation)
                out[item.contentHash] = handle
            } catch {
                throw CampaignError.mediaFailed(hash: item.contentHash, reason: "\(error)")
            }
        }
        return out
    }

    private func sendOne(_ item: CampaignItem, media: MediaHandle?, limiter: RateLimiter) async -> RowOutcome {
        let key = RowKey(campaign: options.campaign, phone: item.phone, contentHash: item.contentHash)
        func outcome(_ state: RowState, id: String? = nil, price: Double? = nil, error: String? = nil, skipped: Bool = false) -> RowOutcome {
            RowOutcome(line: item.line, phone: item.phone, state: state, providerID: id, price: price, error: error, skipped: skipped)
        }
        guard let media else { return outcome(.prepared, error: "no media prepared") }
        var attempt = 0
        while true {
            let claimed: Bool
            do { claimed = try ledger.claim(key, includeUnknown: options.resendUnknown) } catch {
                return outcome(.prepared, error: "\(error)")
            }
            guard claimed else {
                let e = try? ledger.entry(key)
                return outcome(e?.state ?? .unknown, id: e?.providerID, price: e?.price, error: "another process holds this row", skipped: true)
            }
            do {
                try await limiter.wait()
                let receipt = try await sender.send(OutgoingCall(phone: item.phone, media: media, hook: item.hook, dtmf: item.dtmf))
                try ledger.markSent(key, providerID: receipt.providerID, price: receipt.price)
                return outcome(.sent, id: receipt.providerID, price: receipt.price)
            } catch let failure as SendFailure {
                do {
                    switch failure {
                    case let .rejected(code, message):
                        try ledger.markRejected(key, code: code, message: message)
                        return outcome(.rejected, error: failure.description)
                    case let .mayHaveReached(reason):
                        try ledger.markUnknown(key, reason: reason)
                        return outcome(.unknown, error: failure.description)
                    case .notReached, .retryLater:
                        // Released before waiting: a crash during the wait must not turn a
                        // provably unsent row into an unknown one.
                        try ledger.release(key, reason: failure.description)
                        attempt += 1
                        if attempt >= options.backoff.maxAttempts {
                            return outcome(.prepared, error: "\(failure.description); gave up after \(attempt) attempts, the next run will try again")
                        }
                        var after: Double?
                        if case let .retryLater(a, _) = failure { after = a }
                        try await Task.sleep(for: .seconds(options.backoff.delay(attempt: attempt, retryAfter: after)))
                    }
                } catch is CancellationError {
                    return outcome(.prepared, error: "cancelled before the retry; the next run will try again")
                } catch {
                    return outcome(.unknown, error: "ledger: \(error)")
                }
            } catch {
                // Anything unclassified may have reached the provider.
                try? ledger.markUnknown(key, reason: "\(error)")
                return outcome(.unknown, error: "\(error)")
            }
        }
    }

    private func summary(rows: Int, sentNow: Int) throws -> SendSummary {
        let entries = try ledger.entries(campaign: options.campaign)
        let counts = Dictionary(grouping: entries, by: \.state).mapValues(\.count)
        let cost = entries.filter { $0.state == .sent }.compactMap(\.price).reduce(0, +)
        return SendSummary(campaign: options.campaign, rows: rows, sentNow: sentNow, sent: counts[.sent] ?? 0,
                           rejected: counts[.rejected] ?? 0, unknown: counts[.unknown] ?? 0,
                           pending: (counts[.prepared] ?? 0) + (counts[.sending] ?? 0), cost: cost, dryRun: options.dryRun)
    }
}
