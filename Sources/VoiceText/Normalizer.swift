import Foundation

public struct NormalizerOptions: Sendable {
    /// nil: detect per sentence or clause.
    public var language: Language?
    /// For text that reads the same in Ukrainian and Russian ("Ваш код 4821").
    public var defaultLanguage: Language
    /// Say a confirmation code twice: "Повторюю: …" / "Повторяю: …" / "Again: …".
    public var repeatCodes: Bool
    /// Pause between the digits of a confirmation code.
    public var digitPauseMs: Int
    /// Pause between the groups of a phone number.
    public var groupPauseMs: Int

    public init(language: Language? = nil, defaultLanguage: Language = .uk, repeatCodes: Bool = false, digitPauseMs: Int = 400, groupPauseMs: Int = 250) {
        self.language = language
        self.defaultLanguage = defaultLanguage
        self.repeatCodes = repeatCodes
        self.digitPauseMs = digitPauseMs
        self.groupPauseMs = groupPauseMs
    }
}

/// Turns a message into a speech script: runs of text get a language, every number,
/// code, phone, amount, date and symbol becomes words in that language, punctuation
/// becomes pauses. No digit survives into the words.
public struct Normalizer: Sendable {
    public let options: NormalizerOptions
    let detector: LanguageDetector

    /// Pauses from punctuation: a sentence end is longer than a comma.
    static let sentencePauseMs = 500

    public init(options: NormalizerOptions = .init()) {
        self.options = options
        detector = LanguageDetector(defaultLanguage: options.defaultLanguage)
    }

    public func script(for text: String) -> SpeechScript {
        let runs: [(Language, String)]
        if let forced = options.language {
            runs = [(forced, text)]
        } else {
            runs = detector.segments(text).map { ($0.language, $0.text) }
        }
        var segments: [SpeechSegment] = []
        for (lang, runText) in runs {
            var items: [SpeechItem] = []
            for sentence in Sentences.split(runText) {
                items += verbalise(sentence, lang)
                items.append(.pause(milliseconds: Self.sentencePauseMs))
            }
            items = Self.tidy(items)
            if items.isEmpty { continue }
            if let last = segments.last, last.language == lang {
                segments[segments.count - 1].items = Self.tidy(last.items + [.pause(milliseconds: Self.sentencePauseMs)] + items)
                segments[segments.count - 1].sourceText += " " + runText
            } else {
                segments.append(SpeechSegment(language: lang, items: items, sourceText: runText))
            }
        }
        return SpeechScript(segments: segments)
    }

    /// Verbalises one sentence into words and pauses.
    func verbalise(_ sentence: String, _ lang: Language) -> [SpeechItem] {
        var tokenizer = Tokenizer(sentence, language: lang)
        let tokens = tokenizer.tokens()
        let lex = Lexicon.of(lang)
        var items: [SpeechItem] = []
        var words: [String] = []
        var afterCodeWord = 0
        func flush() {
            if !words.isEmpty { items.append(.words(words.joined(separator: " "))) }
            words = []
        }
        func pause(_ ms: Int) {
            flush()
            items.append(.pause(milliseconds: ms))
        }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            defer { index += 1 }
            switch token {
            case let .word(w):
                let lower = w.lowercased()
                if Lexicon.isCodeWord(lower) { afterCodeWord = 4 }
                if let year = yearWord(lower, lang), let previous = words.last, previous.hasPrefix(YearMarker.prefix) {
                    // "2026 року", "в 2026 году": the year is an ordinal agreeing with the noun.
                    words[words.count - 1] = YearMarker.resolve(previous, lang, year.form)
                    words.append(year.word)
                } else {
                    words.append(lex.abbreviations[lower] ?? w)
                }
                afterCodeWord -= 1
                continue
            case let .number(int, frac):
                if frac == nil, isCode(int, index: index, tokens: tokens, afterCodeWord: afterCodeWord) {
                    pause(300)
                    appendCode(int, lang, &items)
                    if options.repeatCodes {
                        items.append(.pause(milliseconds: 600))
                        items.append(.words(lex.repeatCode))
                        items.append(.pause(milliseconds: 300))
                        appendCode(int, lang, &items)
                    }
                    items.append(.pause(milliseconds: 300))
                    afterCodeWord = 0
                    continue
                }
                if lang != .en, frac == nil, let day = Int(int), (1...31).contains(day), let next = nextWord(after: index, in: tokens),
                   lex.months.contains(next.lowercased()) {
                    words.append(OrdinalWords.ordinal(day, lang, Self.takesGenitive(words.last) ? .genitive : .neuter))
                } else if lang != .en, frac == nil, int.count == 4, let year = Int(int), (1000...2999).contains(year),
                          let next = nextWord(after: index, in: tokens), yearWord(next.lowercased(), lang) != nil {
                    words.append(YearMarker.prefix + int)
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
                words.append(Say.date(day: d, month: m, year: y, lang, genitive: Self.takesGenitive(words.last)))
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
            case .minus:
                words.append(NumberWords.minus(lang))
            case let .pause(ms):
                pause(ms)
            }
            afterCodeWord -= 1
        }
        flush()
        return items.map { item in
            if case let .words(w) = item { return .words(Say.noDigits(YearMarker.strip(w, lang), lang)) }
            return item
        }
    }

    /// Digits after код/code/пароль/PIN/OTP, or 4–8 digits just before one ("4821 — ваш код").
    func isCode(_ digits: String, index: Int, tokens: [Token], afterCodeWord: Int) -> Bool {
        if afterCodeWord > 0 && (3...8).contains(digits.count) { return true }
        guard (4...8).contains(digits.count) else { return false }
        for token in tokens[(index + 1)..<min(tokens.count, index + 5)] {
            if case let .word(w) = token, Lexicon.isCodeWord(w.lowercased()) { return true }
        }
        return false
    }

    /// Prepositions after which a date's day is in the genitive: "до першого грудня".
    static func takesGenitive(_ word: String?) -> Bool {
        guard let w = word?.lowercased() else { return false }
        return ["до", "з", "із", "від", "після", "с", "со", "от", "после", "до"].contains(w)
    }

    /// The noun after a year and the ordinal form it asks for.
    func yearWord(_ w: String, _ lang: Language) -> (word: String, form: OrdinalWords.Form)? {
        switch (lang, w) {
        case (.uk, "рік"): return ("рік", .masculine)
        case (.uk, "року"), (.uk, "р"): return ("року", .genitive)
        case (.uk, "році"): return ("році", .locative)
        case (.ru, "год"): return ("год", .masculine)
        case (.ru, "года"), (.ru, "г"): return ("года", .genitive)
        case (.ru, "году"): return ("году", .locative)
        default: return nil
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

    /// No pause at the very start or end, no two pauses in a row (the longer wins), no empty words.
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

/// A year waiting for the noun after it to choose its form; a year with no such noun
/// after all is read as a cardinal.
enum YearMarker {
    static let prefix = "\u{E000}year:"

    static func resolve(_ marked: String, _ lang: Language, _ form: OrdinalWords.Form) -> String {
        let digits = marked.dropFirst(prefix.count)
        return OrdinalWords.ordinal(Int(digits) ?? 0, lang, form)
    }

    static func strip(_ words: String, _ lang: Language) -> String {
        guard words.contains(prefix) else { return words }
        return words.split(separator: " ").map { w in
            w.hasPrefix(prefix) ? Say.number(String(w.dropFirst(prefix.count)), nil, lang) : String(w)
        }.joined(separator: " ")
    }
}
