import ArgumentParser
import Foundation
import VoiceMedia
import VoiceUpload

struct UploadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upload",
        abstract: "Hand finished media to a provider (the file is checked against the provider's profile first).",
        subcommands: [UploadAlphaSMS.self, UploadRecord.self])
}

/// The file to upload: the input when the provider would accept it; with `--convert`, a
/// converted temporary copy (never written over the input) when it would not.
func preparedMedia(_ file: String, convert: Bool, profile: Profile) throws -> PreparedMedia {
    let needsConversion = convert && !Validator.validate(path: file, profile: profile).ok
    let media = try LocalMedia.prepare(file, profile: profile, convert: needsConversion)
    if media.converted { Terminal.note("converted \(file) for \(profile.name) (temporary copy, the input is unchanged)") }
    return media
}

struct UploadAlphaSMS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alphasms",
        abstract: "Queue a voice call through AlphaSMS voice.php; prints the call id and price.",
        discussion: "Each upload is a paid call. Key: ALPHASMS_API_KEY or --key-file. Exit 0 queued, 1 rejected or failed, 2 usage error.")

    @OptionGroup var provider: ProviderOptions
    @Option(help: "Recipient with country code, e.g. +380501234567.") var phone: String
    @Option(help: "Absolute http(s) URL that receives the call's status (id, phone, status, duration, dtmf).") var hook: String?
    @Flag(help: "Collect a DTMF answer (the pressed digit comes back in the status and webhook).") var dtmf = false
    @Flag(help: "Convert the file first (into a temporary copy) if the provider would reject it.") var convert = false
    @Flag(help: "Print the result as one JSON object.") var json = false
    @Argument(help: "WAV file.") var file: String

    func run() async throws {
        let client = try provider.alphaSMS()
        do {
            let media = try preparedMedia(file, convert: convert, profile: client.profile)
            defer { media.cleanup() }
            let call = try await client.voice(phone: phone, file: media.path, hook: hook, dtmf: dtmf)
            if json { Terminal.json(call) } else { print("queued call \(call.id), price \(call.price.map { String(format: "%.2f", $0) } ?? "unknown")") }
        } catch {
            throw providerFailure(error, json: json)
        }
    }
}

struct UploadRecord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Create an apiCalls record from a WAV (or --text); prints its id and moderation state.",
        discussion: "Calls using a record that awaits moderation do not start. Key: ZVONOBOT_API_KEY or --key-file.")

    @OptionGroup var provider: ProviderOptions
    @Option(help: "Record name.") var name: String
    @Option(help: "Have the service voice this text instead of uploading a file.") var text: String?
    @Flag(help: "Convert the file first (into a temporary copy) if the service would reject it.") var convert = false
    @Flag(help: "Print the result as one JSON object.") var json = false
    @Argument(help: "WAV file.") var file: String?

    func validate() throws {
        if (file == nil) == (text == nil) { throw ValidationError("give a FILE or --text, not both") }
    }

    func run() async throws {
        let client = try provider.zvonobot()
        do {
            let record: RecordInfo
            if let file {
                let media = try preparedMedia(file, convert: convert, profile: client.profile)
                defer { media.cleanup() }
                record = try await client.createRecord(name: name, file: media.path)
            } else {
                record = try await client.createRecord(name: name, text: text ?? "")
            }
            if json {
                Terminal.json(RecordJSON(record))
            } else {
                print("record \(record.id) (\(record.name ?? name)): \(record.moderation)")
                if let comment = record.moderatorComment { print("  moderator: \(comment)") }
            }
        } catch {
            throw providerFailure(error, json: json)
        }
    }
}

/// A record with its moderation state spelled out.
struct RecordJSON: Encodable {
    var record: RecordInfo
    init(_ record: RecordInfo) { self.record = record }
    enum Keys: String, CodingKey { case moderation, callsWillStart }
    func encode(to encoder: Encoder) throws {
        try record.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(record.moderation, forKey: .moderation)
        try c.encode(!record.needsModeration, forKey: .callsWillStart)
    }
}
