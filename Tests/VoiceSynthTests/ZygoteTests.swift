import Foundation
import Testing
@testable import VoiceSynth

/// The zygotes behind `EspeakEngine.synthesiseUncached`: replacement, concurrency, limits.
@Suite struct ZygoteTests {
    static let runs: [(voice: String, rate: Int, text: String)] = [
        ("uk", 160, "Ваш код чотири вісім"),
        ("ru", 160, "Ваш код четыре восемь"),
        ("en-us", 160, "Your code is four eight"),
        ("uk", 140, "два один"),
        ("ru", 140, "два один"),
    ]

    static func started() throws -> EspeakEngine {
        let engine = EspeakEngine()
        try engine.start()
        return engine
    }

    static func render(_ engine: EspeakEngine, _ i: Int) throws -> [Int16] {
        let run = runs[i % runs.count]
        return try engine.synthesiseUncached(text: run.text, voice: run.voice, rate: run.rate, pitch: 50, range: 50)
    }

    /// Runs a render that blocks until the test acts on its own thread, not on a pool thread.
    static func onThread(_ body: @escaping @Sendable () throws -> [Int16]) async throws -> [Int16] {
        try await withCheckedThrowingContinuation { done in Thread { done.resume(with: Result(catching: body)) }.start() }
    }

    /// Waits until the process is gone (its keeper thread has reaped it).
    static func awaitExit(_ pid: pid_t) async throws {
        for _ in 0..<200 where kill(pid, 0) == 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(kill(pid, 0) != 0, "zygote \(pid) still running")
    }

    @Test func aKilledZygoteIsReplacedAndRendersIdenticalSamples() async throws {
        let engine = try Self.started()
        let key = ZygotePool.Key(voice: "uk", rate: 160, pitch: 50, range: 50)
        let reference = try Self.render(engine, 0)
        let first = try engine.zygotes.zygote(for: key).pid
        kill(first, SIGKILL)
        try await Self.awaitExit(first)
        #expect(try Self.render(engine, 0) == reference)
        let second = try engine.zygotes.zygote(for: key).pid
        #expect(second != first)

        // Killed with a request already queued: that request, too, is served by a replacement.
        kill(second, SIGSTOP)
        let pending = Task { try await Self.onThread { try Self.render(engine, 0) } }
        try await Task.sleep(for: .milliseconds(200))
        kill(second, SIGKILL)
        #expect(try await pending.value == reference)
        try await Self.awaitExit(second)
        #expect(try engine.zygotes.zygote(for: key).pid != second)
    }

    /// PR_SET_PDEATHSIG follows the forking thread, and pool threads end when idle.
    @Test func aZygoteOutlivesTheThreadThatStartedIt() async throws {
        let engine = try Self.started()
        let reference = try Self.render(engine, 2)
        let fresh = try Self.started()
        let thread = Thread { _ = try? Self.render(fresh, 2) }
        thread.start()
        while !thread.isFinished { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(200))
        let pid = try fresh.zygotes.zygote(for: ZygotePool.Key(voice: "en-us", rate: 160, pitch: 50, range: 50)).pid
        #expect(try Self.render(fresh, 2) == reference)
        #expect(try fresh.zygotes.zygote(for: ZygotePool.Key(voice: "en-us", rate: 160, pitch: 50, range: 50)).pid == pid)
    }

    @Test func concurrentRendersOfDifferentVoicesMatchSerialOnes() async throws {
        let serial = try Self.started()
        let expected = try (0..<Self.runs.count).map { try Self.render(serial, $0) }
        // A fresh engine, so that the zygotes are started by the concurrent renders themselves.
        let engine = try Self.started()
        let results = try await withThrowingTaskGroup(of: (Int, [Int16]).self) { group in
            for i in 0..<40 { group.addTask { (i, try Self.render(engine, i)) } }
            return try await group.reduce(into: [(Int, [Int16])]()) { $0.append($1) }
        }
        #expect(results.count == 40)
        for (i, samples) in results { #expect(samples == expected[i % Self.runs.count], "run \(i)") }
    }

    @Test func anOverlongRunIsRefusedWithAClearError() throws {
        let engine = try Self.started()
        let text = String(repeating: "один ", count: 20_000)
        #expect(throws: SynthError.synthesisFailed("a word run is longer than 64 KiB of text; split the text")) {
            try engine.synthesiseUncached(text: text, voice: "uk", rate: 160, pitch: 50, range: 50)
        }
    }

    @Test func zygoteHoldsNoInheritedDescriptors() throws {
        let engine = try Self.started()
        _ = try Self.render(engine, 1)
        let pid = try engine.zygotes.zygote(for: ZygotePool.Key(voice: "ru", rate: 160, pitch: 50, range: 50)).pid
        let fds = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").compactMap(Int.init).sorted()
        #expect(fds == [0, 1, 2, 3])
    }

    @Test func theNumberOfZygotesIsBounded() throws {
        let engine = try Self.started()
        var pids: [pid_t] = []
        for rate in 150..<(150 + ZygotePool.limit + 2) {
            _ = try engine.synthesiseUncached(text: "один", voice: "uk", rate: rate, pitch: 50, range: 50)
            pids.append(try engine.zygotes.zygote(for: ZygotePool.Key(voice: "uk", rate: rate, pitch: 50, range: 50)).pid)
        }
        // The two least recently used were evicted: closing their socket ends them.
        for pid in pids.prefix(2) {
            for _ in 0..<200 where kill(pid, 0) == 0 { usleep(10_000) }
            #expect(kill(pid, 0) != 0)
        }
        #expect(pids.dropFirst(2).allSatisfy { kill($0, 0) == 0 })
    }
}
