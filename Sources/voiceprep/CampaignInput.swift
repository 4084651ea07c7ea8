import Crypto
import Foundation
import VoiceCampaign
import VoiceMedia
import VoiceSynth
import VoiceText
import VoiceUpload

/// One CSV row of a campaign, checked.
struct CampaignRow: Sendable {
    var line: Int
    var phone: String
    var content: Content
    var hook: String?
    var dtmf: Bool

    enum Content: Sendable, Hashable {
        case text(String, lang: String?)
        case audio(String)
    }
}

enum CampaignInput {
    /// Reads rows; bad rows come back as problems naming their line, the rest go on.
    static func read(_ path: String, shard: (index: Int, count: Int)?) throws -> (rows: [CampaignRow], problems: [String]) {
        let table = try CSVTable(path: path)
        try table.require(["phone"], in: path)
        guard table.header.contains("text") || table.header.contains("audio") else {
            throw UsageError("\(path): needs a `text` or an `audio` column next to `phone`")
        }
        let base = (path as NSString).deletingLastPathComponent
        var rows: [CampaignRow] = []
        var problems: [String] = []
        for r in table.rows {
            let phone: String
            do { phone = try PhoneNumber.normalise(r["phone"] ?? "") } catch {
                problems.append("line \(r.line): \(error)")
                continue
            }
            if let shard, Shard.of(phone: phone, count: shard.count) != shard.index { continue }
            let content: CampaignRow.Content
            if let text = r["text"] {
                content = .text(text, lang: r["lang"])
            } else if let audio = r["audio"] {
                let resolved = audio.hasPrefix("/") || FileManager.default.fileExists(atPath: audio) ? audio : (base as NSString).appendingPathComponent(audio)
                guard FileManager.default.fileExists(atPath: resolved) else {
                    problems.append("line \(r.line): audio file \(audio) not found")
                    continue
                }
                content = .audio(resolved)
            } else {
                problems.append("line \(r.line): neither text nor audio")
                continue
            }
            let dtmf = ["1", "true", "yes"].contains(r["dtmf"]?.lowercased() ?? "")
            rows.append(CampaignRow(line: r.line, phone: phone, content: content, hook: r["hook"], dtmf: dtmf))
        }
        return (rows, problems)
    }

    /// A stable identity of what the callee will hear: same text and voice, or same audio bytes, same profile.
    static func hash(_ content: CampaignRow.Content, profile: Profile, voice: VoiceOptions, defaultLang: String) throws -> String {
        var h = SHA256()
        h.update(data: Data("\(profile.name)|\(profile.sampleRate)|\(profile.codec)|\(profile.loudness)|".utf8))
        switch content {
        case let .text(text, lang):
            h.update(data: Data("text|\(lang ?? "auto")|\(defaultLang)|\(voice.rate)|\(voice.pitch)|\(voice.variant ?? "")|\(text)".utf8))
        case let .audio(path):
            guard let data = FileManager.default.contents(atPath: path) else { throw UsageError("\(path): cannot read") }
            h.update(data: Data("audio|".utf8))
            h.update(data: data)
        }
        return h.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Renders or converts each distinct content once into `dir/<hash>.wav`, reusing earlier runs' files.
    static func prepare(_ content: CampaignRow.Content, hash: String, dir: String, profile: Profile, voice: VoiceOptions,
                        text: TextOptions) async throws -> String {
        let out = (dir as NSString).appendingPathComponent(hash + ".wav")
        if FileManager.default.fileExists(atPath: out), Validator.validate(path: out, profile: profile).ok { return out }
        switch content {
        case let .text(message, lang):
            let script = text.normalizer(language: lang?.lowercased()).script(for: message)
            _ = try await MessageRenderer(profile: profile, voice: voice).render(script.plan, to: out)
        case let .audio(path):
            _ = try await BlockingWork.run { try Converter(profile: profile).convert(input: path, output: out) }
        }
        return out
    }
}
