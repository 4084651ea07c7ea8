import Foundation

/// Spaces requests so no more than `perSecond` start in any second.
public actor RateLimiter {
    private let interval: Double
    private var next: ContinuousClock.Instant

    public init(perSecond: Double) {
        interval = perSecond > 0 ? 1 / perSecond : 0
        next = .now
    }

    public func wait() async throws {
        guard interval > 0 else { return }
        let now = ContinuousClock.now
        let slot = max(now, next)
        next = slot + .seconds(interval)
        if slot > now { try await Task.sleep(until: slot, clock: .continuous) }
    }
}

/// Full-jitter exponential backoff (AWS architecture blog): a random delay in
/// [0, min(cap, base·2^attempt)], which spreads retries of a whole batch apart.
public struct Backoff: Sendable {
    public var base: Double
    public var cap: Double
    public var maxAttempts: Int

    public init(base: Double = 0.2, cap: Double = 10, maxAttempts: Int = 5) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
    }

    public func delay(attempt: Int, retryAfter: Double? = nil) -> Double {
        let ceiling = min(cap, base * pow(2, Double(attempt)))
        let jitter = Double.random(in: 0...max(ceiling, 0.001))
        return max(jitter, retryAfter ?? 0)
    }
}

/// Stable assignment of phones to shards, so `--shard i/n` on n machines covers
/// every row exactly once whatever order the CSV is in.
public enum Shard {
    public static func of(phone: String, count: Int) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in phone.utf8 { h ^= UInt64(b); h &*= 0x100_0000_01b3 }
        return Int(h % UInt64(max(1, count)))
    }

    /// Parses `i/n` (1-based i).
    public static func parse(_ s: String) -> (index: Int, count: Int)? {
        let parts = s.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else { return nil }
        return (i - 1, n)
    }
}
