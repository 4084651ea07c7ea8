import Foundation

/// Everything the sandbox provider remembers: balance, calls, records, and how many
/// calls it charged for (the number a campaign's ledger must match).
public actor SandboxState {
    public struct Call: Sendable, Codable {
        public var id: Int
        public var provider: String
        public var phone: String
        public var status: String
        public var price: Double
        public var dtmf: String?
        public var hook: String?
        public var recordID: Int?
    }

    public struct Record: Sendable, Codable {
        public var id: Int
        public var name: String
        public var source: String
        public var needModeration: Bool
        public var deleted: Bool
    }

    public private(set) var balance: Double
    public private(set) var paidCalls = 0
    public private(set) var calls: [Int: Call] = [:]
    public private(set) var records: [Int: Record] = [:]
    private var nextID = 100_500
    private var rng: UInt64

    init(balance: Double, seed: UInt64) {
        self.balance = balance
        rng = seed
    }

    func newID() -> Int {
        nextID += 1
        return nextID - 1
    }

    /// Charges and records a call, or says there is not enough money.
    func charge(provider: String, phone: String, price: Double, hook: String?, dtmf: Bool, recordID: Int? = nil) -> Call? {
        guard balance + 1e-9 >= price else { return nil }
        balance -= price
        paidCalls += 1
        let id = newID()
        let call = Call(id: id, provider: provider, phone: phone, status: "queued", price: price,
                        dtmf: dtmf ? String(id % 10) : nil, hook: hook, recordID: recordID)
        calls[id] = call
        return call
    }

    func finish(_ id: Int) -> Call? {
        guard var call = calls[id] else { return nil }
        call.status = call.provider == "alphasms" ? "delivered" : "finished"
        calls[id] = call
        return call
    }

    func addRecord(name: String, source: String, needModeration: Bool) -> Record {
        let r = Record(id: newID(), name: name, source: source, needModeration: needModeration, deleted: false)
        records[r.id] = r
        return r
    }

    func removeRecord(_ id: Int) -> Record? {
        records[id]?.deleted = true
        return records[id]
    }

    func call(_ id: Int) -> Call? { calls[id] }

    /// Deterministic draws for fault injection, so a seeded run is repeatable.
    func draw() -> Double {
        rng &+= 0x9E37_79B9_7F4A_7C15
        var z = rng
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }

    public struct Stats: Sendable, Codable {
        public var paidCalls: Int
        public var balance: Double
        public var calls: Int
        public var records: Int
    }

    public func stats() -> Stats { Stats(paidCalls: paidCalls, balance: balance, calls: calls.count, records: records.count) }
}
