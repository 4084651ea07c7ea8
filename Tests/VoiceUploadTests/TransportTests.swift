import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import Testing
@testable import VoiceUpload

@Suite struct TransportTests {
    /// A loopback port with nothing listening.
    func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 1
        try await channel.close()
        return port
    }

    /// Generous unless the deadline is what a test is about: a loaded machine must not turn an answer into a timeout.
    func client(_ base: String, timeout: TimeAmount = .seconds(20)) throws -> AlphaSMSClient {
        AlphaSMSClient(baseURL: base, key: sandboxKey, transport: HTTPTransport(requestTimeout: timeout))
    }

    @Test func refusedConnectionNeverReachedTheProvider() async throws {
        let port = try await closedPort()
        let started = Date()
        do {
            _ = try await client("http://127.0.0.1:\(port)", timeout: .seconds(30)).voice(phone: "380501234567", file: readyWAV)
            Issue.record("no error")
        } catch let error as UploadError {
            guard case .notReached = error else { Issue.record("\(error)"); return }
            #expect(!error.mayHaveReachedProvider)
            #expect(error.disposition == .notSent)
            #expect(error.description.contains("safe to try again"))
        }
        // Well under the 30 s deadline even on a loaded machine: a retrying client would reach it.
        #expect(Date().timeIntervalSince(started) < 25, "a refused connect must fail fast, not retry until the 30 s deadline")
    }

    @Test func unresolvableHostNeverReachedTheProvider() async throws {
        do {
            _ = try await client("http://voiceprep-no-such-host.invalid", timeout: .seconds(3)).balance()
            Issue.record("no error")
        } catch let error as UploadError {
            #expect(!error.mayHaveReachedProvider, "\(error)")
        }
    }

    @Test func timeoutAfterSendingMayHaveReachedIt() async throws {
        try await withSandbox(SandboxConfig(latencyMs: 2500)) { sb in
            do {
                _ = try await client(sb.baseURL, timeout: .milliseconds(1200)).voice(phone: "380501234567", file: readyWAV)
                Issue.record("no timeout")
            } catch let error as UploadError {
                guard case .noAnswer = error else { Issue.record("\(error)"); return }
                #expect(error.mayHaveReachedProvider && error.outcomeUnknown)
                #expect(error.description.contains("check its status before sending again"))
            }
            // The provider carried on and charged: exactly why this must never be re-sent blindly.
            for _ in 0..<50 where await sb.paidCalls == 0 { try await Task.sleep(for: .milliseconds(100)) }
            #expect(await sb.paidCalls == 1)
        }
    }

    @Test func droppedConnectionMayHaveReachedIt() async throws {
        try await withSandbox(SandboxConfig(dropRate: 1)) { sb in
            await #expect(throws: UploadError.self) { try await client(sb.baseURL).balance() }
            do { _ = try await client(sb.baseURL).voice(phone: "380501234567", file: readyWAV) } catch let error as UploadError {
                #expect(error.outcomeUnknown, "\(error)")
            }
            #expect(await sb.paidCalls == 0)
            #expect(await sb.state.stats().dropped == 2)
        }
        try await withSandbox(SandboxConfig(lostReplyRate: 1)) { sb in
            do {
                _ = try await client(sb.baseURL).voice(phone: "380501234567", file: readyWAV)
                Issue.record("no error")
            } catch let error as UploadError {
                #expect(error.mayHaveReachedProvider && error.outcomeUnknown, "\(error)")
            }
            #expect(await sb.paidCalls == 1)
            #expect(await sb.state.stats().lostReplies == 1)
        }
    }

    @Test func slowBodyPastTheDeadlineIsNoAnswer() async throws {
        // The balance answer is about 60 bytes: four 16-byte pieces 3 s apart.
        try await withSandbox(SandboxConfig(slowBodyMs: 3000)) { sb in
            let started = Date()
            do {
                _ = try await client(sb.baseURL, timeout: .milliseconds(400)).balance()
                Issue.record("no timeout")
            } catch let error as UploadError {
                guard case .noAnswer = error else { Issue.record("\(error)"); return }
            }
            #expect(Date().timeIntervalSince(started) < 6, "the deadline covers the body, not only the head")
        }
        try await withSandbox(SandboxConfig(slowBodyMs: 50)) { sb in
            let balance = try await client(sb.baseURL, timeout: .seconds(20)).balance()
            #expect(balance.amount == 1000)
        }
    }

    @Test func busyAndServerErrors() async throws {
        try await withSandbox(SandboxConfig(busyRate: 1, retryAfterSeconds: 3)) { sb in
            do { _ = try await client(sb.baseURL).voice(phone: "380501234567", file: readyWAV) } catch let error as UploadError {
                #expect(error == .retryLater(status: 503, after: 3))
                #expect(error.retryAfter == 3 && error.disposition == .retryLater(after: 3))
            }
            #expect(await sb.paidCalls == 0)
        }
        try await withSandbox(SandboxConfig(failRate: 1)) { sb in
            do { _ = try await client(sb.baseURL).voice(phone: "380501234567", file: readyWAV) } catch let error as UploadError {
                #expect(error == .unexpectedResponse(status: 500, excerpt: "500 Internal Server Error Internal Server Error"))
                #expect(error.outcomeUnknown)
            }
            let stats = try await HTTPTransport.shared.post(sb.baseURL + "/_sandbox/stats", contentType: "text/plain", body: ByteBuffer())
            #expect(stats.status == 404 || stats.status == 405)
        }
        #expect(ReplyReader.retryAfter("Wed, 21 Oct 2099 07:28:00 GMT").map { $0 > 1e6 } == true)
        #expect(ReplyReader.retryAfter("soon") == nil)
    }

    @Test func faultSharesAreDeterministicForASeed() async throws {
        func run() async throws -> [Bool] {
            var outcomes: [Bool] = []
            try await withSandbox(SandboxConfig(failRate: 0.5, seed: 42)) { sb in
                for _ in 0..<12 {
                    outcomes.append((try? await client(sb.baseURL).balance()) != nil)
                }
            }
            return outcomes
        }
        let a = try await run(), b = try await run()
        #expect(a == b)
        #expect(a.contains(true) && a.contains(false))
    }

    @Test func statsEndpointCountsPaidCalls() async throws {
        try await withSandbox { sb in
            _ = try await client(sb.baseURL).voice(phone: "380501234567", file: readyWAV)
            let request = HTTPClientRequest(url: sb.baseURL + "/_sandbox/stats")
            let reply = try await HTTPTransport.sharedClient.execute(request, timeout: .seconds(20))
            let body = try await reply.body.collect(upTo: 1 << 16)
            let stats = try JSONDecoder().decode(SandboxState.Stats.self, from: Data(buffer: body))
            #expect(stats.paidCalls == 1 && stats.calls == 1 && abs(stats.balance - 999.6) < 1e-9)
        }
    }
}
