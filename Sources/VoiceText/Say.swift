/// How each token class is read aloud in each language.
enum Say {
    /// A cardinal, or digit by digit when it is too long to be a quantity.
    static func integer(_ digits: String, _ lang: Language, gender: Gender = .masculine) -> String {
        let trimmed = digits.drop { $0 == "0" }
        if trimmed.isEmpty { return NumberWords.cardinal(0, lang) }
        // A leading zero ("007") or a huge run is an identifier, read digit by digit.
        if digits.hasPrefix("0") && digits.count > 1 || trimmed.count > 18 {
            return NumberWords.digits(Substring(digits), lang).joined(separator: " ")
        }
        return NumberWords.cardinal(Int(trimmed) ?? 0, lang, gender: gender)
    }

    static func number(_ int: String, _ frac: String?, _ lang: Language) -> String {
        guard let frac, !frac.isEmpty else { return integer(int, lang) }
        let lex = Lexicon.of(lang)
        if lang == .en || frac.count > 3 {
            return integer(int, lang) + " " + lex.point + " " + NumberWords.digits(Substring(frac), lang).joined(separator: " ")
        }
        let whole = Int(int.prefix(18)) ?? 0
        let part = Int(frac) ?? 0
        let denominator = lex.fractions[frac.count - 1]
        return NumberWords.counted(whole, lang, lex.decimalWhole) + " " + NumberWords.counted(part, lang, denominator)
    }

    static func ordinal(_ int: String, suffix: String, _ lang: Language) -> String {
        guard let n = Int(int.prefix(9)) else { return integer(int, lang) }
        let form: OrdinalWords.Form
        switch suffix {
        case "а", "я", "ая", "га", "ю": form = .feminine
        case "е", "є", "ое", "ге": form = .neuter
        case "го", "ого": form = .genitive
        default: form = .masculine
        }
        return OrdinalWords.ordinal(n, lang, form)
    }

    static func percent(_ int: String, _ frac: String?, _ lang: Language) -> String {
        let lex = Lexicon.of(lang)
        if frac != nil || lang == .en { return number(int, frac, lang) + " " + (lang == .en ? "percent" : lex.percentGenitive) }
        guard let n = Int(int.prefix(18)) else { return integer(int, lang) + " " + lex.percent.many }
        return NumberWords.counted(n, lang, lex.percent)
    }

    /// The last guard: any digit still present is read out, never passed to espeak-ng raw.
    static func noDigits(_ s: String, _ lang: Language) -> String {
        guard s.contains(where: { $0.isNumber }) else { return s }
        var out = ""
        for c in s {
            if c.isNumber {
                out += " " + (c.wholeNumberValue.map { NumberWords.cardinal($0, lang) } ?? "") + " "
            } else {
                out.append(c)
            }
        }
        return out.split(separator: " ").joined(separator: " ")
    }
}
