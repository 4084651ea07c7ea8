import Foundation
import Logging
import NIOCore
import Testing
@testable import VoiceUpload

/// The API key must not appear in descriptions, dumps, JSON, logs or error excerpts.
@Suite struct SecrecyTests {
    let secret = "sk-live-SECRET-7f3a9c21"

    func assertClean(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.contains(secret), "\(what) leaks the key: \(text)", sourceLocation: sourceLocation)
    }

    @Test func keyValueNeverPrints() throws {
        let key = APIKey(secret)
        assertClean("\(key)", "description")
        assertClean(String(reflecting: key), "debugDescription")
        var dumped = ""
        dump(key, to: &dumped)
        assertClean(dumped, "dump")
        assertClean(String(decoding: try JSONEncoder().encode(["key": key]), as: UTF8.self), "JSON")
        let client = AlphaSMSClient(baseURL: "https://alphasms.ua", key: key)
        var dumpedClient = ""
        dump(client, to: &dumpedClient)
        assertClean(dumpedClient, "client dump")
        assertClean("\(client)", "client description")
        let z = ZvonobotClient(baseURL: "https://example.com", key: key)
        assertClean("\(z)", "apiCalls client description")
        assertClean(String(reflecting: z), "apiCalls client reflection")
    }

    @Test func keyEchoedByTheServerIsRedactedFromErrors() async throws {
        let replies: [Stub.Canned] = [
            .init(status: .internalServerError, body: "<html><body>bad request: {{body}}</body></html>", echo: true),
            .init(body: #"{"errors":["Wrong API key {{body}}"]}"#, echo: true),
            .init(body: #"{"success": false, "error": "Access denied for {{body}}"}"#, echo: true),
        ]
        var logged = ""
        try await Stub.serve(replies) { base, _ in
            let client = AlphaSMSClient(baseURL: base, key: APIKey(secret))
            var errors: [Error] = []
            do { _ = try await client.balance() } catch { errors.append(error) }
            do { _ = try await client.voice(phone: "380501234567", file: readyWAV) } catch { errors.append(error) }
            do { _ = try await client.balance() } catch { errors.append(error) }
            #expect(errors.count == 3)
            for error in errors {
                assertClean("\(error)", "error description")
                assertClean(String(reflecting: error), "error reflection")
                if let e = error as? UploadError {
                    assertClean(e.code + (e.providerString ?? ""), "error fields")
                    logged += "\(e)\n"
                }
            }
            #expect(logged.contains("[redacted]"))
        }
        // What a caller would log.
        let logger = Logger(label: "test")
        logger.info("upload failed: \(logged)")
        assertClean(logged, "log line")
    }

    @Test func keyFileAndEnvironment() throws {
        let path = TestAudio.dir + "/key.txt"
        try "  \(secret)  \n# second line\n".write(toFile: path, atomically: true, encoding: .utf8)
        let fromFile = try APIKey.load(environment: "ALPHASMS_API_KEY", keyFile: path, environment: [:])
        #expect(fromFile == APIKey(secret))
        let fromEnv = try APIKey.load(environment: "ALPHASMS_API_KEY", keyFile: nil, environment: ["ALPHASMS_API_KEY": secret])
        #expect(fromEnv == APIKey(secret))
        #expect(throws: KeyError.missing("ALPHASMS_API_KEY")) { try APIKey.load(environment: "ALPHASMS_API_KEY", keyFile: nil, environment: [:]) }
        #expect(KeyError.missing("ALPHASMS_API_KEY").description.contains("set ALPHASMS_API_KEY in the environment or pass --key-file"))
        #expect(throws: KeyError.self) { try APIKey.load(environment: "X", keyFile: "/nonexistent/key", environment: [:]) }
    }
}
