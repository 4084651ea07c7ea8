import Foundation

public struct NormalizerOptions: Sendable {
    /// nil: detect per sentence.
    public var language: Language?
    /// For text that reads the same in Ukrainian and Russian ("Ваш код 4821").
    public var defaultLanguage: Language
    public var repeatCodes: Bool
    public var digitPauseMs: Int
    public var groupPauseMs: Int

    public init(language: Language? = nil, defaultLanguage: Language = .uk, repeatCodes: Bool = false, digitPauseMs: Int = 400, groupPauseMs: Int = 250) {
        self.language = language
        self.defaultLanguage = defaultLanguage
        self.repeatCodes = repeatCodes
        self.digitPauseMs = digitPauseMs
        self.groupPauseMs = groupPauseMs
    }
}

/// Turns a message into a speech script: sentences get a language, every number,
/// code, phone, amount, date and symbol becomes words in that language, punctuation
/// becomes pauses. No digit survives into the words.
public struct Normalizer: Sendable {
    public let options: NormalizerOptions
    let detector: LanguageDetector

    public init(options: NormalizerOptions = .init()) {
        self.options = options
        detector = LanguageDetector(defaultLanguage: options.defaultLanguage)
    }

    public func script(for text: String) -> SpeechScript {
        var segments: [SpeechSegment] = []
        var previous: Language?
        for sentence in Sentences.split(text) {
            let lang: Language
            if let forced = options.language {
                lang = forced
            } else if sentence.contains(where: { $0.isLetter }) {
                lang = detector.detect(LanguageDetector.withoutAddresses(sentence), context: previous).language
            } else {
                lang = previous ?? options.defaultLanguage
            }
            previous = lang
            var items = verbalise(sentence, lang)
            if items.isEmpty { continue }
            if case .pause = items.last {} else { items.append(.pause(milliseconds: 500)) }
            if let last = segments.last, last.language == lang {
                segments[segments.count - 1].items += items
                segments[segments.count - 1].sourceText += " " + sentence
            } else {
                segments.append(SpeechSegment(language: lang, items: items, sourceText: sentence))
            }
        }
        for i in segments.indices { segments[i].items = Self.tidy(segments[i].items) }
        return SpeechScript(segments: segments)
    }

    /// Verbalises one sentence into words and pauses.
    func verbalise(_ sentence: String, _ lang: Language) -> [SpeechItem] {
        var tokenizer = Tokenizer(sentence)
        let tokens = tokenizer.tokens()
        let lex = Lexicon.of(lang)
        var items: [SpeechItem] = []
        var words: [String] = []
        var codeContext = 0
        func flush() {
            if !words.isEmpty { items.append(.words(words.joined(separator: " "))) }
            words = []
        }
        func pause(_ ms: Int) {
            flush()
            if case let .pause(prev) = items.last { items[items.count - 1] = .pause(milliseconds: max(prev, ms)) } else if !items.isEmpty { items.append(.pause(milliseconds: ms)) }
        }
        for (index, token) in tokens.enumerated() {
            switch token {
            case let .word(w):
                let lower = w.lowercased()
                if lex.codeWords.contains(lower) || Lexicon.of(.en).codeWords.contains(lower) { codeContext = 4 }
                words.append(lex.abbreviations[lower] ?? w)
                codeContext -= 1
                continue
            case let .number(int, frac):
                if codeContext > 0, frac == nil, (3...8).contains(int.count) {
                    pause(300)
                    appendCode(int, lang, &items)
                    if options.repeatCodes {
                        items.append(.pause(milliseconds: 600))
                        items.append(.words(lex.repeatCode))
                        items.append(.pause(milliseconds: 300))
                        appendCode(int, lang, &items)
                    }
                    items.append(.pause(milliseconds: 300))
                    codeContext = 0
                    continue
                }
                if lang != .en, frac == nil, let day = Int(int), (1...31).contains(day), let next = nextWord(after: index, in: tokens),
                   Lexicon.of(lang).months.contains(next.lowercased()) {
                    let genitive = ["до", "з", "від", "після", "с", "со", "от", "после", "по"].contains(words.last?.lowercased() ?? "")
                    words.append(OrdinalWords.ordinal(day, lang, genitive ? .genitive : .neuter))
                } else {
                    words.append(Say.number(int, frac, lang))
                }
            case let .ordinal(int, suffix):
                words.append(Say.ordinal(int, suffix: suffix, lang))
            case let .percent(int, frac):
                words.append(Say.percent(int, frac, lang))
            case let .money(int, frac, currency):
                words.append(Say.money(int, frac, currency: currency, lang))
            case let .date(d, m, y):
                words.append(Say.date(day: d, month: m, year: y, lang))
            case let .time(h, m):
                words.append(Say.time(hour: h, minute: m, lang))
            case let .phone(groups, plus):
                pause(200)
                let spoken = Say.phone(groups: groups, plus: plus, lang)
                for (k, g) in spoken.enumerated() {
                    if k > 0 { items.append(.pause(milliseconds: options.groupPauseMs)) }
                    items.append(.words(g))
                }
                items.append(.pause(milliseconds: 300))
            case let .email(e):
                words.append(Say.address(e, lang))
            case let .url(u):
                words.append(Say.address(u, lang))
            case let .symbol(s):
                if let w = lex.symbols[s] { words.append(w) }
            case let .pause(ms):
                pause(ms)
            }
            codeContext -= 1
        }
        flush()
        return items.map { item in
            if case let .words(w) = item { return .words(Say.noDigits(w, lang)) }
            return item
        }
    }

    func nextWord(after index: Int, in tokens: [Token]) -> String? {
        guard index + 1 < tokens.count, case let .word(w) = tokens[index + 1] else { return nil }
        return w
    }

    func appendCode(_ digits: String, _ lang: Language, _ items: inout [SpeechItem]) {
        for (k, d) in digits.enumerated() {
            if k > 0 { items.append(.pause(milliseconds: options.digitPauseMs)) }
            items.append(.words(NumberWords.cardinal(d.wholeNumberValue ?? 0, lang)))
        }
    }

    /// No pause at the very start, no two pauses in a row, no empty words.
    static func tidy(_ items: [SpeechItem]) -> [SpeechItem] {
        var out: [SpeechItem] = []
        for item in items {
            switch item {
            case let .words(w):
                let t = w.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                if !t.isEmpty { out.append(.words(t)) }
            case let .pause(ms):
                if out.isEmpty { continue }
                if case let .pause(prev) = out.last { out[out.count - 1] = .pause(milliseconds: max(prev, ms)) } else { out.append(item) }
            }
        }
        if case .pause = out.last { out.removeLast() }
        return out
    }
}

/// Sentence boundaries that do not fall inside numbers (12.5, 23.11.2026), addresses
/// or common abbreviations (вул., тел., e.g.).
enum Sentences {
    static let abbreviations: Set<String> = ["вул", "тел", "просп", "буд", "кв", "ул", "д", "м", "р", "грн", "коп", "руб", "тис", "тыс", "млн", "e.g", "i.e", "mr", "mrs", "dr", "no", "обл", "ст"]

    static func split(_ text: String) -> [String] {
        let chars = Array(text)
        var out: [String] = []
        var current = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            current.append(c)
            if c == "\n" && i + 1 < chars.count && chars[i + 1] == "\n" {
                push(&current, &out)
            } else if ".!?…".contains(c) {
                while i + 1 < chars.count, ".!?…".contains(chars[i + 1]) { i += 1; current.append(chars[i]) }
                let nextIsSpace = i + 1 >= chars.count || chars[i + 1].isWhitespace
                let lastWord = current.dropLast().split(whereSeparator: { !$0.isLetter && $0 != "." }).last.map { $0.lowercased() } ?? ""
                let nextLetter = chars[(i + 1)...].first { !$0.isWhitespace }
                let abbreviation = c == "." && abbreviations.contains(lastWord) && nextLetter.map { !$0.isUppercase } ?? false
                if nextIsSpace && !abbreviation { push(&current, &out) }
            }
            i += 1
        }
        push(&current, &out)
        return out
    }

    static func push(_ current: inout String, _ out: inout [String]) {
        let t = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !t.isEmpty { out.append(t) }
        current = ""
    }
}
