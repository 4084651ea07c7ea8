import Foundation

/// Tells Ukrainian, Russian and English apart in SMS-length text.
///
/// English against Cyrillic is a matter of script, weighed by words so that a Latin
/// brand name in a Cyrillic sentence ("Знижки на Nike") or a Cyrillic one in an English
/// sentence ("Your Приват24 code") does not flip it; e-mail addresses and domain names
/// are not counted at all. Ukrainian against Russian is a log-likelihood ratio: a word
/// the model knows counts by its own weight, any other word by its character 1–4-grams
/// (which carry the distinctive letters і ї є ґ / ы э ъ ё). The model is trained offline
/// by `scripts/train-lang`. Cyrillic text whose evidence is too weak to call ("Ваш код
/// 4821") gets the context's language or the configured default.
public struct LanguageDetector: Sendable {
    public let defaultLanguage: Language

    /// Below this margin (in model steps of 0.2 nats, so one nat) uk and ru are a tie.
    static let tieMargin: Int32 = 5

    public init(defaultLanguage: Language = .uk) {
        self.defaultLanguage = defaultLanguage
    }

    public func detect(_ text: String) -> Detection { detect(text, context: nil) }

    /// `context`: the language of the surrounding text, preferred when this text is ambiguous.
    public func detect(_ text: String, context: Language?) -> Detection {
        let e = Evidence(text)
        return decide(e, context: context)
    }

    func decide(_ e: Evidence, context: Language?) -> Detection {
        if e.cyrillicWeight == 0 && e.latinWeight == 0 {
            return Detection(language: context ?? defaultLanguage, confidence: 0)
        }
        if e.latinWeight > e.cyrillicWeight {
            // A lone brand or abbreviation ("Email:", "Rozetka") between Cyrillic sentences keeps their language.
            if e.cyrillicWeight == 0, e.englishWords == 0, e.latinWeight < 1.6, let context, context != .en {
                return Detection(language: context, confidence: 0.3)
            }
            let share = e.latinWeight / (e.latinWeight + e.cyrillicWeight)
            let sure = e.englishWords > 0 ? 0.99 : 0.8
            return Detection(language: .en, confidence: min(sure, max(0.5, share)))
        }
        if abs(e.score) < Self.tieMargin {
            let fallback = context.flatMap { $0 == .en ? nil : $0 } ?? defaultLanguage
            return Detection(language: fallback, confidence: 0.5)
        }
        let nats = Double(abs(e.score)) * LanguageModel.step
        return Detection(language: e.score > 0 ? .uk : .ru, confidence: 1 / (1 + exp(-nats)))
    }

    /// Runs per sentence, and per clause where a clause is clearly in another language
    /// ("Ваш код 4821 / Your code 4821"); neighbours in the same language are merged.
    /// Text with nothing to go on (digits, punctuation) joins the run before it.
    public func segments(_ text: String) -> [LanguageRun] {
        var pieces: [(range: Range<String.Index>, detection: Detection)] = []
        var previous: Language?
        for sentence in Sentences.ranges(in: text) {
            let whole = Evidence(text[sentence])
            let d = decide(whole, context: previous)
            let clauses = Sentences.clauses(in: text, sentence)
            if clauses.count > 1 && whole.mixed {
                for clause in clauses {
                    let ce = Evidence(text[clause])
                    var cd = decide(ce, context: d.language)
                    // A clause leaves the sentence's language only on clear evidence.
                    if cd.language != d.language && !ce.decisive(against: d.language, for: cd.language) { cd = Detection(language: d.language, confidence: d.confidence) }
                    pieces.append((clause, cd))
                }
            } else {
                pieces.append((sentence, d))
            }
            previous = pieces.last?.detection.language
        }
        var runs: [LanguageRun] = []
        for (range, d) in pieces {
            if let last = runs.last, let lastRange = last.range, last.language == d.language || d.confidence == 0 {
                let merged = lastRange.lowerBound..<range.upperBound
                runs[runs.count - 1] = LanguageRun(language: last.language, confidence: max(last.confidence, d.confidence),
                                                   text: String(text[merged]), range: merged)
            } else {
                runs.append(LanguageRun(language: d.language, confidence: d.confidence, text: String(text[range]), range: range))
            }
        }
        return runs
    }
}

/// What one pass over the text found. Works on Unicode scalars with integer keys so a
/// line costs a few hundred hash lookups and no allocation beyond one small buffer.
struct Evidence {
    /// Sum of model weights, in steps; positive is Ukrainian.
    var score: Int32 = 0
    var cyrillicWeight = 0.0
    var latinWeight = 0.0
    var englishWords = 0
    /// Latin words inside e-mail addresses, domain names and paths: English only when nothing else is there.
    var addressWeight = 0.0

    /// Both scripts carry weight: worth looking at clause by clause.
    var mixed: Bool { cyrillicWeight > 0 && latinWeight > 0 || abs(score) >= 15 && cyrillicWeight >= 4 }
    /// Enough for a clause to leave its sentence's language `outer`: one script only for a
    /// change of script, a clear margin between Ukrainian and Russian.
    func decisive(against outer: Language, for inner: Language) -> Bool {
        switch (outer, inner) {
        case (_, .en): return cyrillicWeight == 0 && (englishWords >= 1 || latinWeight >= 1.5)
        case (.en, _): return latinWeight == 0 && cyrillicWeight >= 1
        default: return abs(score) >= 15 && cyrillicWeight >= 1
        }
    }

    init<S: StringProtocol>(_ text: S) {
        let model = LanguageModel.shared
        var buf = [UInt32](repeating: LanguageModel.pad, count: 44)
        var n = 0                // Cyrillic letters in the current word
        var pendingApostrophe = false
        var latinHash = LanguageModel.hashSeed
        var latinLen = 0, latinUpper = 0
        var latinAddress = false  // the current Latin word touches '.', '@' or '/' like an address
        var deferred = 0.0        // a Latin word's weight, waiting on the character after its '.', '@' or '/'
        var deferredEnglish = false
        var waiting = false
        var p1: UInt32 = 0x20, p2: UInt32 = 0x20

        @inline(__always) func isAlnum(_ v: UInt32) -> Bool {
            (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
        }
        @inline(__always) func isJoiner(_ v: UInt32) -> Bool { v == 0x2E || v == 0x40 || v == 0x2F }

        func endCyrillic() {
            if n == 0 { return }
            buf[n + 1] = LanguageModel.pad
            var h = LanguageModel.hashSeed
            for k in 1...n { h = LanguageModel.hashStep(h, buf[k]) }
            if let w = model.words[h] {
                score += LanguageModel.wordScale * Int32(w)
            } else {
                let len = n + 2
                for order in 1...4 where order <= len {
                    for start in 0...(len - order) {
                        var key: UInt32 = 0
                        for k in start..<(start + order) { key = key << 6 | buf[k] }
                        if let w = model.grams[key] { score += Int32(w) }
                    }
                }
            }
            cyrillicWeight += n >= 2 ? 1 : 0.5
            n = 0
        }

        func endLatin(at v: UInt32) {
            if latinLen == 0 { return }
            // Abbreviations (ID, SMS, PIN, OK) and brands sit in Cyrillic messages all the time;
            // only ordinary English words make a sentence English.
            let acronym = latinUpper == latinLen && latinLen >= 2 && latinLen <= 5
            let english = !acronym && model.english.contains(latinHash)
            var weight: Double
            if english { weight = 1.5 } else if acronym || latinLen == 1 { weight = 0.4 } else { weight = 0.75 }
            if latinAddress {
                addressWeight += weight
                weight = 0
            }
            if weight > 0 && isJoiner(v) {
                deferred = weight
                deferredEnglish = english
                waiting = true
            } else if weight > 0 {
                latinWeight += weight
                if english { englishWords += 1 }
            }
            latinLen = 0
            latinUpper = 0
            latinHash = LanguageModel.hashSeed
            latinAddress = false
        }

        for scalar in text.unicodeScalars {
            let v = scalar.value
            if waiting {
                // "example.com", "info@", "site/page": the word was part of an address.
                if !isAlnum(v) {
                    latinWeight += deferred
                    if deferredEnglish { englishWords += 1 }
                } else {
                    addressWeight += deferred
                }
                waiting = false
            }
            var c = LanguageModel.code(v)
            // A Latin "i" typed inside a Cyrillic word is the Ukrainian "і".
            if c == 0, n > 0, v == 0x69 || v == 0x49 { c = 36 }
            if c != 0 {
                endLatin(at: v)
                if pendingApostrophe && n < 42 {
                    n += 1
                    buf[n] = LanguageModel.apostrophe
                }
                pendingApostrophe = false
                if n < 42 {
                    n += 1
                    buf[n] = c
                }
            } else if (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v) {
                endCyrillic()
                pendingApostrophe = false
                if latinLen == 0 && isJoiner(p1) && isAlnum(p2) { latinAddress = true }
                latinHash = LanguageModel.hashStep(latinHash, v | 0x20)
                latinLen += 1
                if v < 0x61 { latinUpper += 1 }
            } else if (v == 0x27 || v == 0x2019 || v == 0x2BC || v == 0x60) && n > 0 && !pendingApostrophe {
                pendingApostrophe = true
            } else {
                pendingApostrophe = false
                endCyrillic()
                endLatin(at: v)
            }
            p2 = p1
            p1 = v
        }
        endCyrillic()
        endLatin(at: 0x20)
        if waiting {
            latinWeight += deferred
            if deferredEnglish { englishWords += 1 }
        }
        if latinWeight == 0 && cyrillicWeight == 0 { latinWeight = addressWeight }
    }
}
