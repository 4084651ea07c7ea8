import ArgumentParser
import Foundation
import NIOCore
import VoiceUpload

/// Where a provider lives and how to authenticate. Keys come from the environment or a
/// key file, never from a flag value (which would land in shell history and `ps`).
struct ProviderOptions: ParsableArguments {
    @Option(name: .customLong("base-url"), help: "Site root: https://alphasms.ua (default for AlphaSMS), https://{domain} for apiCalls, or the sandbox (http://127.0.0.1:8089).")
    var baseURL: String?
    @Option(name: .customLong("key-file"), help: "Read the API key from this file (first line) instead of ALPHASMS_API_KEY / ZVONOBOT_API_KEY.")
    var keyFile: String?
    @Option(help: "Seconds before a request without a complete answer is given up (it may still have been processed).")
    var timeout: Double = 60

    func validate() throws {
        guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout is seconds between 0 and 3600") }
    }

    var transport: HTTPTransport { HTTPTransport(requestTimeout: .milliseconds(Int64(timeout * 1000))) }

    func alphaSMS() throws -> AlphaSMSClient {
        AlphaSMSClient(baseURL: try url(baseURL ?? AlphaSMSClient.defaultBaseURL, folder: "api"), key: try key(AlphaSMSClient.keyVariable), transport: transport)
    }

    func zvonobot() throws -> ZvonobotClient {
        guard let baseURL else {
            throw UsageError("apiCalls runs on several domains: pass --base-url https://{your domain} (or the sandbox's http://127.0.0.1:8089)")
        }
        return ZvonobotClient(baseURL: try url(baseURL, folder: "apiCalls"), key: try key(ZvonobotClient.keyVariable), transport: transport)
    }

    func url(_ value: String, folder: String) throws -> String {
        do { return try BaseURL.normalise(value, dropping: folder) } catch { throw UsageError("--base-url: \(error)") }
    }

    func key(_ variable: String) throws -> APIKey {
        do { return try APIKey.load(environment: variable, keyFile: keyFile) } catch { throw UsageError("\(error)") }
    }
}

/// `--provider alphasms|zvonobot` for commands that speak to either.
enum ProviderName: String, ExpressibleByArgument, CaseIterable {
    case alphasms, zvonobot
}

/// One failure as JSON: the stable code, what it means for a retry, and the message.
struct FailureJSON: Encodable {
    let ok = false
    var error: String
    var message: String
    var mayHaveReachedProvider: Bool
    var outcomeUnknown: Bool
    var retryAfter: Double?
}

/// Prints a failure and picks the exit code: what was wrong with the command line
/// (phone, hook, base URL) is a usage error (2); the provider's or the file's rejection
/// and transport failures are 1.
func providerFailure(_ error: Error, json: Bool) -> Error {
    if let phone = error as? PhoneError { return UsageError("\(phone)") }
    if let upload = error as? UploadError, case let .invalidRequest(why) = upload { return UsageError(why) }
    let upload = error as? UploadError
    if json {
        Terminal.json(FailureJSON(error: upload?.code ?? "error", message: "\(error)", mayHaveReachedProvider: upload?.mayHaveReachedProvider ?? true,
                                  outcomeUnknown: upload?.outcomeUnknown ?? true, retryAfter: upload?.retryAfter))
    } else {
        Terminal.error("\(error)")
    }
    return ExitCode(1)
}
