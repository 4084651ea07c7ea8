import Dispatch

/// Runs long synchronous work (decoding, conversion, waiting on a synthesis process)
/// off Swift's cooperative pool. That pool has one thread per core; an async API that
/// blocked one of them would stall every other task of the caller's process, an HTTP
/// server's handlers included, for as long as the work takes.
public enum BlockingWork {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }
}
