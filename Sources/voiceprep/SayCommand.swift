import ArgumentParser
import Foundation
import VoiceMedia
import VoiceSynth
import VoiceText

struct SayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "say",
        abstract: "Render a message to provider-ready speech with espeak-ng (or just explain how it will be read).",
        discussion: """
        Examples:
          voiceprep say --explain "Ваш код 4821"
          voiceprep say -o code.wav --waveform code.svg "Ваш код 4821. Your code is 4821."
          voiceprep say --batch messages.csv --out-dir out/ --html
        Exit codes: 0 rendered, 1 a message failed (too long, nothing to say), 2 usage error.
        """)

    @OptionGroup var text: TextOptions
    @OptionGroup var voice: VoiceFlags
    @OptionGroup var profileOptions: ProfileOptions
    @Option(name: .shortAndLong, help: "Output WAV file.") var output: String?
    @Flag(help: "Print the speech script: segments, languages, words and pauses.") var explain = false
    @Flag(help: "Print the result as JSON (file, duration, segments with language and start time).") var json = false
    @Flag(help: "Play the result through aplay/paplay when an audio output exists.") var play = false
    @Option(help: "Also draw the waveform with segments and pauses into this SVG file.") var waveform: String?
    @Option(help: "CSV with columns id, text and optional lang, profile: render every row.") var batch: String?
    @Option(name: .customLong("out-dir"), help: "Output directory for --batch.") var outDir: String?
    /// One more than the cores: a message waiting on its synthesis processes leaves its core to
    /// another (measured: 8% faster than one per core on 2 cores).
    @Option(name: .shortAndLong, help: "Messages rendered at once in --batch (default: cores + 1).") var jobs = ProcessInfo.processInfo.activeProcessorCount + 1
    @Flag(help: "With --batch: write index.html with a player, the spoken text and the waveform per message.") var html = false
    @Argument(help: "The message text (or use --text-file).") var message: String?

    func validate() throws {
        if batch != nil {
            if outDir == nil { throw ValidationError("--batch needs --out-dir DIR") }
            if message != nil || text.textFile != nil { throw ValidationError("--batch takes its messages from the CSV; drop the TEXT argument") }
        } else {
            if message == nil && text.textFile == nil { throw ValidationError("give the message as TEXT or --text-file FILE") }
            if message != nil && text.textFile != nil { throw ValidationError("give either TEXT or --text-file, not both") }
            if output == nil && !explain { throw ValidationError("give -o OUT.wav to render, or --explain to only show the speech script") }
        }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        let profile = try profileOptions.resolve()
        if let batch, let outDir {
            try await BatchSay(csv: batch, outDir: outDir, jobs: jobs, html: html, json: json, text: text, voice: voice.options, profile: profile).run()
            return
        }
        let source = try text.read(message)
        let script = text.normalizer(language: nil).script(for: source)
        if explain && !json { print(script.explained()) }
        guard let output else { return }
        let renderer = MessageRenderer(profile: profile, voice: voice.options)
        let result: RenderedMessage
        do {
            result = try await renderer.render(script.plan, to: output)
        } catch let e as SynthError {
            Terminal.error(e.description)
            throw ExitCode(1)
        } catch let e as MediaError {
            Terminal.error(e.description)
            throw ExitCode(1)
        }
        if let waveform { try Preview.writeWaveform(result, to: waveform) }
        if json {
            Terminal.json(SayOutput(result: result, script: explain ? script.explained() : nil))
        } else {
            let langs = result.segments.map { "\($0.language)@\(String(format: "%.2f", $0.start))s" }.joined(separator: " ")
            print("✓ \(output)  (\(Format.seconds(result.duration)), \(result.segments.count) segment\(result.segments.count == 1 ? "" : "s"): \(langs))")
            if let waveform { print("  waveform: \(waveform)") }
        }
        if play { Player.play(output) }
    }
}

struct SayOutput: Encodable {
    var file: String
    var duration: Double
    var segments: [TimedSegment]
    var items: [TimedItem]
    var loudness: Double?
    var script: String?

    init(result: RenderedMessage, script: String?) {
        file = result.file
        duration = result.duration
        segments = result.segments
        items = result.items
        loudness = result.conversion.loudnessAfter
        self.script = script
    }
}

/// Language and normalisation options shared by `say` and `lang`.
struct TextOptions: ParsableArguments {
    @Option(help: "Language: auto (detect per sentence), uk, ru or en.") var lang: String = "auto"
    @Option(name: .customLong("default-lang"), help: "Language for text that reads the same in Ukrainian and Russian.") var defaultLang: String = "uk"
    @Flag(name: .customLong("repeat-code"), help: "Repeat confirmation codes (\"Повторюю: …\").") var repeatCode = false
    @Option(name: .customLong("text-file"), help: "Read the message from a UTF-8 file.") var textFile: String?

    func language(_ code: String, flag: String) throws -> Language {
        guard let l = Language(rawValue: code.lowercased()) else { throw UsageError("\(flag) \(code): expected uk, ru or en") }
        return l
    }

    func normalizer(language override: String?) -> Normalizer {
        let code = override ?? lang
        var options = NormalizerOptions()
        options.language = code == "auto" ? nil : Language(rawValue: code)
        options.defaultLanguage = Language(rawValue: defaultLang) ?? .uk
        options.repeatCodes = repeatCode
        return Normalizer(options: options)
    }

    func validated() throws {
        if lang != "auto" { _ = try language(lang, flag: "--lang") }
        _ = try language(defaultLang, flag: "--default-lang")
    }

    /// The message from the argument or the file; invalid UTF-8 is replaced, with a warning.
    func read(_ message: String?) throws -> String {
        try validated()
        if let message { return message }
        guard let path = textFile, let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("--text-file \(textFile ?? ""): cannot read the file")
        }
        if let s = String(data: data, encoding: .utf8) { return s }
        Terminal.note("warning: \(path) is not valid UTF-8; undecodable bytes were replaced")
        return String(decoding: data, as: UTF8.self)
    }
}

struct VoiceFlags: ParsableArguments {
    @Option(help: "Speaking rate, words per minute.") var rate = 160
    @Option(help: "Pitch, 0–99.") var pitch = 50
    @Option(name: .customLong("voice-variant"), help: "espeak-ng voice variant, e.g. f3, m2, klatt.") var voiceVariant: String?

    var options: VoiceOptions { VoiceOptions(rate: rate, pitch: pitch, variant: voiceVariant) }
}
