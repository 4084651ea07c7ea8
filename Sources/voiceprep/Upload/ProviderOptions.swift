import ArgumentParser
import Foundation
import VoiceUpload

/// Where a provider lives and how to authenticate. Keys come from the environment or a
/// key file, never from a flag value (which would land in shell history).
struct ProviderOptions: ParsableArguments {
    @Option(name: .customLong("base-url"), help: "Site root: https://alphasms.ua, https://{domain} for apiCalls, or the sandbox (http://127.0.0.1:8089).")
    var baseURL: String?
    @Option(name: .customLong("key-file"), help: "Read the API key from this file instead of ALPHASMS_API_KEY / ZVONOBOT_API_KEY.")
    var keyFile: String?

    func alphaSMS() throws -> AlphaSMSClient {
        AlphaSMSClient(baseURL: try url(default: AlphaSMSClient.defaultBaseURL), key: try key("ALPHASMS_API_KEY"))
    }

    func zvonobot() throws -> ZvonobotClient {
        guard let baseURL else {
            throw UsageError("apiCalls runs on several domains: pass --base-url https://{your domain} (or the sandbox's http://127.0.0.1:8089)")
        }
        return ZvonobotClient(baseURL: try url(default: baseURL), key: try key("ZVONOBOT_API_KEY"))
    }

    func url(default value: String) throws -> String {
        let u = baseURL ?? value
        guard let parsed = URL(string: u), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
            throw UsageError("--base-url \(u): expected an absolute http(s) URL")
        }
        return u
    }

    func key(_ variable: String) throws -> APIKey {
        do { return try APIKey.load(environment: variable, keyFile: keyFile) } catch { throw UsageError("\(error)") }
    }
}

/// Prints a provider failure and maps it to exit 1.
func providerFailure(_ error: Error, json: Bool) -> ExitCode {
    let code = (error as? UploadError)?.code ?? (error is PhoneError ? "invalidPhone" : "error")
    if json { Terminal.json(["ok": "false", "error": code, "message": "\(error)"]) } else { Terminal.error("\(error)") }
    return ExitCode(1)
}
