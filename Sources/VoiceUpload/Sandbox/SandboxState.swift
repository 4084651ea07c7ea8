import Foundation

/// Everything the sandbox provider remembers: balance, calls, records, how many calls it
/// charged for (the number a campaign ledger's sent count must match) and the faults it
/// injected. An actor: handlers run concurrently.
public actor SandboxState {
    public struct Call: Sendable, Codable, Equatable {
        public var id: Int
        public var provider: String
        public var phone: String
        public var status: String
        public var price: Double
        public var dtmf: String?
        public var hook: String?
        public var recordID: Int?
        public var duration: Int
        public var createdAt: Int
    }

    public struct Record: Sendable, Codable, Equatable {
        public var id: Int
        public var name: String
        public var source: String
        public var needModeration: Bool
        public var deletedAt: Int?
        public var duration: Int
    }

    /// What the last multipart upload looked like on the wire (never its key value).
    public struct UploadTrace: Sendable, Equatable {
        public var endpoint: String
        public var fieldNames: [String]
        public var filename: String?
        public var fileContentType: String?
        public var contentLength: Int?
        public var chunked: Bool
    }

    public struct Stats: Sendable, Codable, Equatable {
        /// Calls accepted and charged; lost replies included (they were charged).
        public var paidCalls: Int
        public var balance: Double
        public var calls: Int
        public var records: Int
        public var requests: Int
        public var serverErrors: Int
        public var busy: Int
        public var dropped: Int
        public var lostReplies: Int
        public var webhooksSent: Int
        public var webhooksFailed: Int
    }

    public private(set) var balance: Double
    public private(set) var paidCalls = 0
    public private(set) var calls: [Int: Call] = [:]
    public private(set) var records: [Int: Record] = [:]
    public private(set) var lastUpload: UploadTrace?
    var counters = Stats(paidCalls: 0, balance: 0, calls: 0, records: 0, requests: 0, serverErrors: 0, busy: 0, dropped: 0,
                         lostReplies: 0, webhooksSent: 0, webhooksFailed: 0)
    private var nextCallID = 100_500
    private var nextRecordID = 1
    private var rng: UInt64
    private var webhookTasks: [Task<Void, Never>] = []

    init(balance: Double, seed: UInt64) {
        self.balance = balance
        rng = seed
    }

    public func stats() -> Stats {
        var s = counters
        s.paidCalls = paidCalls
        s.balance = (balance * 100).rounded() / 100
        s.calls = calls.count
        s.records = records.values.filter { $0.deletedAt == nil }.count
        return s
    }

    public func call(_ id: Int) -> Call? { calls[id] }
    public func record(_ id: Int) -> Record? { records[id] }

    /// Charges for and records one call per phone, all or none: nil when the balance
    /// does not cover them all.
    func charge(provider: String, phones: [String], price: Double, hook: String?, dtmf: Bool, recordID: Int? = nil,
                duration: Int, startsAs status: String) -> [Call]? {
        let total = price * Double(phones.count)
        guard balance + 1e-9 >= total else { return nil }
        balance -= total
        let now = Int(Date().timeIntervalSince1970)
        return phones.map { phone in
            paidCalls += 1
            let id = nextCallID
            nextCallID += 1
            let call = Call(id: id, provider: provider, phone: phone, status: status, price: price,
                            dtmf: dtmf ? String(id % 10) : nil, hook: hook, recordID: recordID, duration: duration, createdAt: now)
            calls[id] = call
            return call
        }
    }

    /// The call's final state, as its webhook reports it.
    func finish(_ id: Int) -> Call? {
        guard let call = calls[id] else { return nil }
        calls[id]?.status = call.provider == "alphasms" ? "DELIVERED" : "finished"
        return calls[id]
    }

    func addRecord(name: String, source: String, needModeration: Bool, duration: Int) -> Record {
        let r = Record(id: nextRecordID, name: name, source: source, needModeration: needModeration, deletedAt: nil, duration: duration)
        nextRecordID += 1
        records[r.id] = r
        return r
    }

    func removeRecord(_ id: Int) -> Record? {
        guard records[id] != nil else { return nil }
        if records[id]?.deletedAt == nil { records[id]?.deletedAt = Int(Date().timeIntervalSince1970) }
        return records[id]
    }

    /// Approves a record; returns the calls waiting for it, now started.
    func approve(_ id: Int) -> [Call]? {
        guard records[id] != nil else { return nil }
        records[id]?.needModeration = false
        let waiting = calls.values.filter { $0.recordID == id && $0.status == "created" }.map(\.id)
        for c in waiting { calls[c]?.status = "processed" }
        return waiting.sorted().compactMap { calls[$0] }
    }

    func noteRequest() { counters.requests += 1 }
    func noteServerError() { counters.serverErrors += 1 }
    func noteBusy() { counters.busy += 1 }
    func noteDropped() { counters.dropped += 1 }
    func noteLostReply() { counters.lostReplies += 1 }
    func noteWebhook(sent: Bool) { if sent { counters.webhooksSent += 1 } else { counters.webhooksFailed += 1 } }
    func noteUpload(_ trace: UploadTrace) { lastUpload = trace }

    func track(_ task: Task<Void, Never>) {
        webhookTasks.removeAll { $0.isCancelled }
        webhookTasks.append(task)
    }

    /// Waits for every scheduled webhook (tests call this before checking deliveries).
    public func settleWebhooks() async {
        let tasks = webhookTasks
        for t in tasks { await t.value }
    }

    func cancelWebhooks() {
        for t in webhookTasks { t.cancel() }
        webhookTasks = []
    }

    /// Deterministic draw in [0, 1) (splitmix64), so a seeded run is repeatable.
    func draw() -> Double {
        rng &+= 0x9E37_79B9_7F4A_7C15
        var z = rng
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(UInt64(1) << 53)
    }
}
