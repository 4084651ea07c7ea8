import ArgumentParser
import Foundation
import VoiceText

struct LangCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lang",
        abstract: "Detect the language (uk, ru, en) of each line on standard input.",
        discussion: "Prints one language code per input line, in order. --json adds confidence and per-sentence segments.")

    @Option(name: .customLong("default-lang"), help: "Language for text that reads the same in Ukrainian and Russian.") var defaultLang = "uk"
    @Flag(help: "One JSON object per line: language, confidence, segments.") var json = false

    struct Line: Encodable {
        var language: String
        var confidence: Double
        var segments: [Segment]?
    }

    struct Segment: Encodable {
        var language: String
        var confidence: Double
        var text: String
    }

    func run() throws {
        guard let fallback = Language(rawValue: defaultLang) else { throw UsageError("--default-lang \(defaultLang): expected uk, ru or en") }
        let detector = LanguageDetector(defaultLanguage: fallback)
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let text = String(decoding: input, as: UTF8.self)
        var out = ""
        out.reserveCapacity(input.count / 8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        for line in lines {
            let d = detector.detect(String(line))
            if json {
                let segs = detector.segments(String(line)).map { Segment(language: $0.language.rawValue, confidence: $0.confidence, text: $0.text) }
                let data = (try? Terminal.encoder.encode(Line(language: d.language.rawValue, confidence: d.confidence, segments: segs))) ?? Data()
                out += String(decoding: data, as: UTF8.self) + "\n"
            } else {
                out += d.language.rawValue + "\n"
            }
            if out.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(out.utf8))
                out = ""
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
