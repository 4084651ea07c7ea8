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

extension Say {
    static func money(_ int: String, _ frac: String?, currency: String, _ lang: Language) -> String {
        guard let cur = Currency.names[currency] else { return number(int, frac, lang) }
        let major = Int(int.prefix(18)) ?? 0
        var minor: Int?
        if let frac, !frac.isEmpty {
            let two = frac.count == 1 ? frac + "0" : String(frac.prefix(2))
            minor = Int(two)
        }
        var parts: [String]
        if lang == .en {
            let e = cur.english
            parts = [NumberWords.cardinal(major, .en) + " " + (major == 1 ? e.0 : e.1)]
            if let minor, minor > 0 { parts.append(NumberWords.cardinal(minor, .en) + " " + (minor == 1 ? e.2 : e.3)) }
            return parts.joined(separator: " ")
        }
        guard let majorForms = cur.major[lang], let minorForms = cur.minor[lang] else { return number(int, frac, lang) }
        parts = [NumberWords.counted(major, lang, majorForms)]
        if let minor, minor > 0 { parts.append(NumberWords.counted(minor, lang, minorForms)) }
        return parts.joined(separator: " ")
    }
}
