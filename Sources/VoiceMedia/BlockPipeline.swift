import Foundation

/// Runs the two halves of a streaming pass on two threads: `produce` on the caller's,
/// `consume` on a second thread, with blocks handed over through a short bounded queue.
/// A long recording is one file on a machine whose other cores would sit idle; for short
/// files (a batch already keeps every core busy) the halves run inline on one thread.
/// Either way the consumer sees the same blocks in the same order, so results are identical.
enum BlockPipeline {
    /// Samples below which a pass is not worth a second thread.
    static let threshold = 4_000_000

    static func run(parallel: Bool,
                    produce: ((UnsafeBufferPointer<Float>) throws -> Void) throws -> Void,
                    consume: @escaping (UnsafeBufferPointer<Float>) throws -> Void) throws {
        guard parallel else {
            try produce(consume)
            return
        }
        let queue = HandOver(depth: 4)
        let worker = Worker(queue: queue, consume: consume)
        let thread = Thread { worker.run() }
        thread.stackSize = 1 << 20
        thread.start()
        do {
            try produce { block in try queue.put(block) }
            queue.close()
        } catch {
            queue.close()
            worker.done.wait()
            throw error
        }
        worker.done.wait()
        if let error = queue.failure { throw error }
    }

    /// The consumer's side; owns the closure so the thread never touches the producer's state.
    private final class Worker: @unchecked Sendable {
        let queue: HandOver
        let consume: (UnsafeBufferPointer<Float>) throws -> Void
        let done = DispatchSemaphore(value: 0)

        init(queue: HandOver, consume: @escaping (UnsafeBufferPointer<Float>) throws -> Void) {
            self.queue = queue
            self.consume = consume
        }

        func run() {
            while let block = queue.take() {
                do {
                    try block.withUnsafeBufferPointer { try consume($0) }
                } catch {
                    queue.fail(error)
                }
                queue.recycle(block)
            }
            done.signal()
        }
    }

    /// A bounded queue of copied blocks; spent buffers are reused to avoid an allocation per block.
    private final class HandOver: @unchecked Sendable {
        private let condition = NSCondition()
        private var blocks: [[Float]] = []
        private var spare: [[Float]] = []
        private var closed = false
        private(set) var failure: Error?
        private let depth: Int

        init(depth: Int) { self.depth = depth }

        func put(_ block: UnsafeBufferPointer<Float>) throws {
            condition.lock()
            defer { condition.unlock() }
            while blocks.count >= depth && failure == nil { condition.wait() }
            if let failure { throw failure }
            var copy = spare.popLast() ?? []
            copy.removeAll(keepingCapacity: true)
            copy.append(contentsOf: block)
            blocks.append(copy)
            condition.broadcast()
        }

        func take() -> [Float]? {
            condition.lock()
            defer { condition.unlock() }
            while blocks.isEmpty && !closed { condition.wait() }
            guard !blocks.isEmpty else { return nil }
            let block = blocks.removeFirst()
            condition.broadcast()
            return block
        }

        func recycle(_ block: [Float]) {
            condition.lock()
            if spare.count < depth + 1 { spare.append(block) }
            condition.unlock()
        }

        func fail(_ error: Error) {
            condition.lock()
            if failure == nil { failure = error }
            // Nothing more will be consumed: drop what waits so the producer stops at once.
            blocks.removeAll()
            condition.broadcast()
            condition.unlock()
        }

        func close() {
            condition.lock()
            closed = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
