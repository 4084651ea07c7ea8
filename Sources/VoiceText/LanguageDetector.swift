/// Tells Ukrainian, Russian and English apart in SMS-length text. Signals, strongest
/// first: the script (Latin → English), letters only one of the two Cyrillic languages
/// has (і ї є ґ / ы э ъ ё), frequent function words, and character trigram statistics
/// trained offline (`scripts/train-lang`). Text with no telling signal ("Ваш код 4821")
/// gets the context's language or the configured default.
public struct LanguageDetector: Sendable {
    public let defaultLanguage: Language

    public init(defaultLanguage: Language = .uk) {
        self.defaultLanguage = defaultLanguage
    }

    public func detect(_ text: String) -> Detection { detect(text, context: nil) }

    /// `context`: the language of the surrounding text, preferred when this text is ambiguous.
    public func detect(_ text: String, context: Language?) -> Detection {
        var cyrillic = 0, latin = 0
        var ukLetters = 0, ruLetters = 0
        var score = 0.0
        var word: [UInt32] = [32]
        var wordHasCyrillic = false
        let model = Model.shared

        func endWord() {
            if word.count > 1 && wordHasCyrillic {
                word.append(32)
                if word.count <= 24, let w = model.words[Model.key(word)] { score += w }
                for i in 0..<(word.count - 2) {
                    // Clipped: one trigram that the technical training text over-represents must not outvote a sentence.
                    score += 0.5 * Double(max(-80, min(80, model.trigrams[Model.key(word[i], word[i + 1], word[i + 2])] ?? 0)))
                }
            }
            word.removeAll(keepingCapacity: true)
            word.append(32)
            wordHasCyrillic = false
        }

        for scalar in text.unicodeScalars {
            var v = scalar.value
            if (0x410...0x42F).contains(v) || v == 0x401 || v == 0x404 || v == 0x406 || v == 0x407 || v == 0x490 { v = Model.lower(v) }
            switch v {
            case 0x430...0x44F, 0x451, 0x454, 0x456, 0x457, 0x491:
                cyrillic += 1
                wordHasCyrillic = true
                switch v {
                case 0x456, 0x457, 0x454, 0x491: ukLetters += 1
                case 0x44B, 0x44D, 0x44A, 0x451: ruLetters += 1
                default: break
                }
                word.append(v)
            case 0x27, 0x2019, 0x2BC:
                if word.count > 1 { word.append(0x27) }
            case 0x41...0x5A, 0x61...0x7A:
                latin += 1
                word.append(v | 0x20)
            default:
                endWord()
            }
        }
        endWord()

        if cyrillic == 0 && latin == 0 {
            return Detection(language: context ?? defaultLanguage, confidence: 0)
        }
        // A lone Latin word ("Email:", a brand) inside Cyrillic text keeps the text's language.
        if cyrillic == 0, latin < 6, let context { return Detection(language: context, confidence: 0.3) }
        if cyrillic * 2 < latin {
            let share = Double(latin) / Double(latin + cyrillic)
            return Detection(language: .en, confidence: min(1, share))
        }
        // Distinctive letters are near-certain; they outweigh the statistics.
        score += Double(ukLetters) * 400 - Double(ruLetters) * 400
        let margin = abs(score)
        if margin < 100 {
            return Detection(language: context ?? defaultLanguage, confidence: 0.5)
        }
        let confidence = min(0.99, 0.5 + margin / 1000)
        return Detection(language: score > 0 ? .uk : .ru, confidence: confidence)
    }

    /// The text without e-mail addresses and URLs, whose Latin letters say nothing about the language.
    public static func withoutAddresses(_ text: String) -> String {
        guard text.contains(where: { $0 == "@" || $0 == "." || $0 == "/" }) else { return text }
        return text.split(separator: " ").filter { chunk in
            !(chunk.contains("@") || chunk.contains("://") || chunk.lowercased().hasPrefix("www.")
              || chunk.split(separator: ".").count >= 2 && chunk.split(separator: ".").allSatisfy { $0.first?.isLetter == true && $0.allSatisfy { $0.isASCII } })
        }.joined(separator: " ")
    }

    /// Runs per sentence or clause, merged when neighbours share a language.
    public func segments(_ text: String) -> [LanguageRun] {
        var runs: [LanguageRun] = []
        var previous: Language?
        for sentence in Sentences.split(text) {
            let d = sentence.contains(where: { $0.isLetter }) ? detect(Self.withoutAddresses(sentence), context: previous) : Detection(language: previous ?? defaultLanguage, confidence: 0)
            previous = d.language
            if let last = runs.last, last.language == d.language {
                runs[runs.count - 1] = LanguageRun(language: d.language, confidence: max(last.confidence, d.confidence), text: last.text + " " + sentence)
            } else {
                runs.append(LanguageRun(language: d.language, confidence: d.confidence, text: sentence))
            }
        }
        return runs
    }
}

/// The trained trigram weights plus hand-picked function words, decoded once.
final class Model: Sendable {
    static let shared = Model()
    let trigrams: [UInt64: Int16]
    let words: [UInt64: Double]

    // Frequent words that differ between the two languages; shared ones (на, не, для, код) say nothing.
    static let ukWords = ["що", "це", "ви", "та", "або", "від", "вже", "ще", "дякуємо", "будь", "ласка", "ваше", "вашого", "вашому", "який",
                          "яка", "які", "його", "їх", "мене", "тебе", "нас", "вас", "коли", "тому", "також", "може", "можна", "треба",
                          "сьогодні", "завтра", "замовлення", "номер", "рахунок", "оплата", "доставка", "зателефонуйте", "телефонуйте",
                          "нікому", "повідомляйте", "підтвердження", "гривень", "гривні", "знижка", "знижки", "й", "чи", "дякуємо", "дякую",
                          "привіт", "вітаємо", "шановний", "шановна", "клієнте", "кінця", "тижня", "безкоштовна", "безкоштовно", "успішно",
                          "пройшла", "отримати", "отримали", "можете", "будь-ласка", "години", "хвилин", "сьогодні", "зараз"]
    static let ruWords = ["что", "это", "вы", "или", "от", "уже", "еще", "спасибо", "пожалуйста", "ваше", "вашего", "вашему", "который",
                          "которая", "которые", "его", "их", "меня", "тебя", "нас", "вас", "когда", "поэтому", "также", "может", "можно",
                          "надо", "сегодня", "завтра", "заказ", "номер", "счет", "оплата", "доставка", "позвоните", "звоните", "никому",
                          "сообщайте", "подтверждения", "гривен", "скидка", "скидки", "с", "и", "ли", "как", "где", "будет", "нет", "да",
                          "здравствуйте", "уважаемый", "уважаемая", "клиент", "конца", "недели", "бесплатная", "бесплатно", "успешно",
                          "прошла", "получить", "получили", "можете", "часа", "минут", "сейчас", "готов", "выдаче", "повторите"]

    private init() {
        var t: [UInt64: Int16] = [:]
        for line in LanguageModelData.ukMinusRu.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2, let w = Int16(parts[1]) else { continue }
            let s = Array(parts[0].unicodeScalars.map(\.value))
            guard s.count == 3 else { continue }
            t[Self.key(s[0], s[1], s[2])] = w
        }
        trigrams = t
        var w: [UInt64: Double] = [:]
        func add(_ list: [String], _ weight: Double) {
            for word in list {
                let s = [UInt32(32)] + word.unicodeScalars.map(\.value) + [32]
                w[Self.key(s), default: 0] += weight
            }
        }
        add(Self.ukWords, 300)
        add(Self.ruWords, -300)
        words = w
    }

    static func key(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 {
        UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c)
    }

    /// A short word's scalars folded into one key (collisions only cost a little accuracy).
    static func key(_ s: [UInt32]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for v in s { h = (h ^ UInt64(v)) &* 0x100_0000_01b3 }
        return h
    }

    static func lower(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x410...0x42F: return v + 0x20
        case 0x401: return 0x451
        case 0x404: return 0x454
        case 0x406: return 0x456
        case 0x407: return 0x457
        case 0x490: return 0x491
        default: return v
        }
    }
}
