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

/// Currencies with the noun forms each language counts them in.
struct Currency: Sendable {
    let major: [Language: NounForms]
    let minor: [Language: NounForms]
    let english: (String, String, String, String)

    static let uah = Currency(
        major: [.uk: NounForms("гривня", "гривні", "гривень", .feminine), .ru: NounForms("гривна", "гривны", "гривен", .feminine)],
        minor: [.uk: NounForms("копійка", "копійки", "копійок", .feminine), .ru: NounForms("копейка", "копейки", "копеек", .feminine)],
        english: ("hryvnia", "hryvnias", "kopiyka", "kopiykas"))
    static let rub = Currency(
        major: [.uk: NounForms("рубль", "рублі", "рублів", .masculine), .ru: NounForms("рубль", "рубля", "рублей", .masculine)],
        minor: [.uk: NounForms("копійка", "копійки", "копійок", .feminine), .ru: NounForms("копейка", "копейки", "копеек", .feminine)],
        english: ("ruble", "rubles", "kopeck", "kopecks"))
    static let usd = Currency(
        major: [.uk: NounForms("долар", "долари", "доларів", .masculine), .ru: NounForms("доллар", "доллара", "долларов", .masculine)],
        minor: [.uk: NounForms("цент", "центи", "центів", .masculine), .ru: NounForms("цент", "цента", "центов", .masculine)],
        english: ("dollar", "dollars", "cent", "cents"))
    static let eur = Currency(
        major: [.uk: NounForms("євро", "євро", "євро", .neuter), .ru: NounForms("евро", "евро", "евро", .neuter)],
        minor: [.uk: NounForms("цент", "центи", "центів", .masculine), .ru: NounForms("цент", "цента", "центов", .masculine)],
        english: ("euro", "euros", "cent", "cents"))

    /// Currency words and signs, lower case, without a trailing dot.
    static let names: [String: Currency] = [
        "грн": uah, "гривня": uah, "гривні": uah, "гривень": uah, "гривна": uah, "гривны": uah, "гривен": uah, "₴": uah, "uah": uah,
        "руб": rub, "рубль": rub, "рублі": rub, "рублів": rub, "рубля": rub, "рублей": rub, "₽": rub, "rub": rub, "р": rub,
        "$": usd, "usd": usd, "дол": usd, "долл": usd, "доларів": usd, "долларов": usd, "dollars": usd,
        "€": eur, "eur": eur, "євро": eur, "евро": eur, "euro": eur, "euros": eur,
    ]
}
