import ArgumentParser
import Foundation
import VoiceMedia
import VoiceUpload

struct UploadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upload",
        abstract: "Hand finished media to a provider.",
        subcommands: [UploadAlphaSMS.self, UploadRecord.self])
}

/// Converts into a temporary file next to nothing the user owns, when asked to.
func prepared(_ file: String, convert: Bool, profile: Profile) throws -> (path: String, cleanup: () -> Void) {
    guard convert, !Validator.validate(path: file, profile: profile).ok else { return (file, {}) }
    let dir = NSTemporaryDirectory() + "voiceprep-upload-\(UUID().uuidString)"
    let out = dir + "/" + ((file as NSString).lastPathComponent as NSString).deletingPathExtension + ".wav"
    do { _ = try Converter(profile: profile).convert(input: file, output: out) } catch {
        throw UsageError("--convert: \(error)")
    }
    return (out, { try? FileManager.default.removeItem(atPath: dir) })
}

struct UploadAlphaSMS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alphasms", abstract: "Queue a voice call through AlphaSMS voice.php; prints the call id and price.")

    @OptionGroup var provider: ProviderOptions
    @Option(help: "Recipient, e.g. +380501234567.") var phone: String
    @Option(help: "Absolute http(s) URL for status webhooks.") var hook: String?
    @Flag(help: "Collect a DTMF answer.") var dtmf = false
    @Flag(help: "Convert the file to the profile first if it would be rejected.") var convert = false
    @Flag(help: "Print the result as JSON.") var json = false
    @Argument(help: "WAV file.") var file: String

    func run() async throws {
        let client = try provider.alphaSMS()
        let (path, cleanup) = try prepared(file, convert: convert, profile: .alphasmsVoice)
        defer { cleanup() }
        do {
            let call = try await client.voice(phone: phone, file: path, hook: hook, dtmf: dtmf)
            if json { Terminal.json(call) } else { print("queued call \(call.id), price \(call.price.map { String(format: "%.2f", $0) } ?? "?")") }
        } catch {
            throw providerFailure(error, json: json)
        }
    }
}

struct UploadRecord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Create an apiCalls record from a WAV (or --text); prints its id and moderation state.")

    @OptionGroup var provider: ProviderOptions
    @Option(help: "Record name.") var name: String
    @Option(help: "Have the service voice this text instead of uploading a file.") var text: String?
    @Flag(help: "Convert the file to the profile first if it would be rejected.") var convert = false
    @Flag(help: "Print the result as JSON.") var json = false
    @Argument(help: "WAV file.") var file: String?

    func validate() throws {
        if (file == nil) == (text == nil) { throw ValidationError("give a FILE or --text, not both") }
    }

    func run() async throws {
        let client = try provider.zvonobot()
        do {
            let record: RecordInfo
            if let file {
                let (path, cleanup) = try prepared(file, convert: convert, profile: .zvonobotRecord)
                defer { cleanup() }
                record = try await client.createRecord(name: name, file: path)
            } else {
                record = try await client.createRecord(name: name, text: text)
            }
            if json { Terminal.json(record) } else { print("record \(record.id): \(record.moderation)") }
        } catch {
            throw providerFailure(error, json: json)
        }
    }
}

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Status of calls by id (AlphaSMS json.php or apiCalls/get).")

    @OptionGroup var provider: ProviderOptions
    @Option(name: .customLong("provider"), help: "alphasms or zvonobot.") var providerName: String = "alphasms"
    @Flag(help: "JSON output.") var json = false
    @Argument(help: "Call ids.") var ids: [String]

    func run() async throws {
        do {
            if providerName == "zvonobot" {
                for c in try await provider.zvonobot().get(ids: ids) {
                    if json { Terminal.json(c) } else { print("\(c.id) \(c.phone ?? "") \(c.status ?? "?")\(c.dtmf.map { " dtmf=\($0)" } ?? "")") }
                }
            } else {
                for s in try await provider.alphaSMS().status(ids: ids) {
                    if json { Terminal.json(s) } else { print("\(s.id) \(s.status ?? s.error ?? "?")") }
                }
            }
        } catch let e as UsageError {
            throw e
        } catch {
            throw providerFailure(error, json: json)
        }
    }
}

struct BalanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "balance", abstract: "Account balance (AlphaSMS json.php or apiCalls/userInfo).")

    @OptionGroup var provider: ProviderOptions
    @Option(name: .customLong("provider"), help: "alphasms or zvonobot.") var providerName: String = "alphasms"
    @Flag(help: "JSON output.") var json = false

    func run() async throws {
        do {
            if providerName == "zvonobot" {
                let info = try await provider.zvonobot().userInfo()
                if json { Terminal.json(info) } else { print(String(format: "balance %.2f", info.balance ?? 0)) }
            } else {
                let b = try await provider.alphaSMS().balance()
                if json { Terminal.json(b) } else { print(String(format: "balance %.2f %@", b.amount, b.currency ?? "")) }
            }
        } catch let e as UsageError {
            throw e
        } catch {
            throw providerFailure(error, json: json)
        }
    }
}
