/// Words the normaliser says, per language.
struct Lexicon: Sendable {
    let months: [String]
    let year: String
    let decimalWhole: NounForms
    let fractions: [NounForms]
    let percent: NounForms
    let percentGenitive: String
    let plus: String
    let repeatCode: String
    let dot: String
    let at: String
    let dash: String
    let underscore: String
    let slash: String
    let symbols: [Character: String]
    let abbreviations: [String: String]
    let codeWords: Set<String>
    let point: String

    /// Words after which (or just before which) digits are a confirmation code, in any language.
    static let allCodeWords: Set<String> = uk.codeWords.union(ru.codeWords).union(en.codeWords)
    static func isCodeWord(_ lowercased: String) -> Bool { allCodeWords.contains(lowercased) }

    static func of(_ lang: Language) -> Lexicon {
        switch lang {
        case .uk: return uk
        case .ru: return ru
        case .en: return en
        }
    }

    static let uk = Lexicon(
        months: ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"],
        year: "року",
        decimalWhole: NounForms("ціла", "цілих", "цілих", .feminine),
        fractions: [NounForms("десята", "десятих", "десятих", .feminine), NounForms("сота", "сотих", "сотих", .feminine),
                    NounForms("тисячна", "тисячних", "тисячних", .feminine)],
        percent: NounForms("відсоток", "відсотки", "відсотків", .masculine), percentGenitive: "відсотка",
        plus: "плюс", repeatCode: "Повторюю:", dot: "крапка", at: "равлик", dash: "дефіс", underscore: "підкреслення", slash: "слеш",
        symbols: ["+": "плюс", "%": "відсотків", "@": "равлик", "#": "решітка", "*": "зірочка", "№": "номер", "&": "і", "/": "слеш",
                  "=": "дорівнює", "₴": "гривень", "€": "євро", "$": "доларів", "₽": "рублів"],
        abbreviations: ["тел": "телефон", "вул": "вулиця", "просп": "проспект", "буд": "будинок", "кв": "квартира", "грн": "гривень",
                        "коп": "копійок", "руб": "рублів", "дол": "доларів", "млн": "мільйонів", "млрд": "мільярдів", "тис": "тисяч",
                        "хв": "хвилин", "год": "годин", "обл": "область", "смс": "ес ем ес", "sms": "ес ем ес"],
        codeWords: ["код", "коду", "кодом", "пароль", "пароля", "паролем", "pin", "пін", "пін-код", "otp", "cvv", "cvc", "code", "passcode"],
        point: "кома")

    static let ru = Lexicon(
        months: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
        year: "года",
        decimalWhole: NounForms("целая", "целых", "целых", .feminine),
        fractions: [NounForms("десятая", "десятых", "десятых", .feminine), NounForms("сотая", "сотых", "сотых", .feminine),
                    NounForms("тысячная", "тысячных", "тысячных", .feminine)],
        percent: NounForms("процент", "процента", "процентов", .masculine), percentGenitive: "процента",
        plus: "плюс", repeatCode: "Повторяю:", dot: "точка", at: "собака", dash: "дефис", underscore: "подчёркивание", slash: "слэш",
        symbols: ["+": "плюс", "%": "процентов", "@": "собака", "#": "решётка", "*": "звёздочка", "№": "номер", "&": "и", "/": "слэш",
                  "=": "равно", "₴": "гривен", "€": "евро", "$": "долларов", "₽": "рублей"],
        abbreviations: ["тел": "телефон", "ул": "улица", "просп": "проспект", "кв": "квартира", "грн": "гривен", "коп": "копеек",
                        "руб": "рублей", "долл": "долларов", "млн": "миллионов", "млрд": "миллиардов", "тыс": "тысяч", "мин": "минут",
                        "обл": "область", "смс": "эс эм эс", "sms": "эс эм эс"],
        codeWords: ["код", "кода", "кодом", "пароль", "пароля", "паролем", "pin", "пин", "пин-код", "otp", "cvv", "cvc", "code", "passcode"],
        point: "запятая")

    static let en = Lexicon(
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        year: "",
        decimalWhole: NounForms("", "", "", .masculine), fractions: [],
        percent: NounForms("percent", "percent", "percent", .masculine), percentGenitive: "percent",
        plus: "plus", repeatCode: "Again:", dot: "dot", at: "at", dash: "dash", underscore: "underscore", slash: "slash",
        symbols: ["+": "plus", "%": "percent", "@": "at", "#": "hash", "*": "star", "№": "number", "&": "and", "/": "slash",
                  "=": "equals", "₴": "hryvnias", "€": "euros", "$": "dollars", "₽": "rubles"],
        abbreviations: ["tel": "telephone", "approx": "approximately", "sms": "S M S", "no": "number"],
        codeWords: ["code", "pin", "otp", "password", "passcode", "cvv", "cvc", "код"],
        point: "point")
}

extension Say {
    /// E-mail addresses and URLs: the scheme is dropped, separators named, digits read one by one.
    static func address(_ s: String, _ lang: Language) -> String {
        let lex = Lexicon.of(lang)
        var text = s
        // Nobody says the scheme or "www" aloud.
        for prefix in ["https://", "http://", "www."] where text.lowercased().hasPrefix(prefix) { text.removeFirst(prefix.count) }
        if text.hasSuffix("/") { text.removeLast() }
        var words: [String] = []
        var run = ""
        func flushRun() {
            if !run.isEmpty { words.append(run) }
            run = ""
        }
        for c in text {
            if c.isLetter { run.append(c); continue }
            flushRun()
            if let d = c.wholeNumberValue, c.isASCII { words.append(NumberWords.cardinal(d, lang)); continue }
            switch c {
            case ".": words.append(lex.dot)
            case "@": words.append(lex.at)
            case "-": words.append(lex.dash)
            case "_": words.append(lex.underscore)
            case "/": words.append(lex.slash)
            default: if let w = lex.symbols[c] { words.append(w) }
            }
        }
        flushRun()
        return words.joined(separator: " ")
    }
}

/// Abbreviations written with a dot. Those that stand before a name or number (вул.,
/// тел., м.) never end a sentence; those after a number (грн., тис.) end one only when
/// a capital letter follows.
enum Abbreviations {
    static let before: Set<String> = ["вул", "тел", "просп", "пр", "буд", "кв", "ул", "пл", "пров", "пер", "обл", "м", "д", "ст", "див",
                                      "см", "корп", "св", "tel", "mr", "mrs", "dr", "no", "e.g", "i.e", "прим", "напр"]
    static let after: Set<String> = ["грн", "коп", "руб", "тис", "тыс", "млн", "млрд", "р", "г", "хв", "год", "мин", "сек", "шт", "etc",
                                     "т.д", "т.п", "дол", "долл", "ч", "тощо"]

    /// Whether the dot after `word` is part of it rather than the end of the sentence.
    static func keepsDot(_ word: String, before next: Character?) -> Bool {
        if before.contains(word) { return true }
        if after.contains(word) { return !(next?.isUppercase ?? false) }
        return false
    }
}
