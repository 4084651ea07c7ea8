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

    static func date(day: Int, month: Int, year: Int, _ lang: Language) -> String {
        let lex = Lexicon.of(lang)
        let monthName = lex.months[month - 1]
        if lang == .en {
            return "\(monthName) \(OrdinalWords.ordinal(day, .en)), \(NumberWords.cardinal(year, .en))"
        }
        return "\(OrdinalWords.ordinal(day, lang, .neuter)) \(monthName) \(OrdinalWords.ordinal(year, lang, .genitive)) \(lex.year)"
    }

    static func time(hour: Int, minute: Int, _ lang: Language) -> String {
        let h = NumberWords.cardinal(hour, lang, gender: lang == .en ? .masculine : .feminine)
        if lang == .en {
            if minute == 0 { return "\(h) o'clock" }
            return minute < 10 ? "\(h) oh \(NumberWords.cardinal(minute, .en))" : "\(h) \(NumberWords.cardinal(minute, .en))"
        }
        let zero = NumberWords.cardinal(0, lang)
        if minute == 0 { return "\(h) \(zero) \(zero)" }
        return minute < 10 ? "\(h) \(zero) \(NumberWords.cardinal(minute, lang))" : "\(h) \(NumberWords.cardinal(minute, lang))"
    }

    /// The groups people say a phone number in: as written when it has separators,
    /// otherwise country code, operator and 3-2-2.
    static func phone(groups written: [String], plus: Bool, _ lang: Language) -> [String] {
        var groups = written
        if groups.count == 1 {
            let d = groups[0]
            var sizes: [Int]
            if d.hasPrefix("380") && d.count == 12 { sizes = [3, 2, 3, 2, 2] }
            else if d.hasPrefix("7") && d.count == 11 { sizes = [1, 3, 3, 2, 2] }
            else if d.hasPrefix("0") && d.count == 10 { sizes = [3, 3, 2, 2] }
            else {
                sizes = Array(repeating: 3, count: d.count / 3)
                if d.count % 3 == 1, !sizes.isEmpty { sizes[sizes.count - 1] = 2; sizes.append(2) } else if d.count % 3 == 2 { sizes.append(2) }
            }
            groups = []
            var idx = d.startIndex
            for s in sizes where idx < d.endIndex {
                let end = d.index(idx, offsetBy: s, limitedBy: d.endIndex) ?? d.endIndex
                groups.append(String(d[idx..<end]))
                idx = end
            }
            if idx < d.endIndex { groups.append(String(d[idx...])) }
        }
        var out: [String] = []
        for (k, g) in groups.enumerated() {
            var words: [String] = []
            if k == 0 && plus { words.append(Lexicon.of(lang).plus) }
            words.append(phoneGroup(Substring(g), lang))
            out.append(words.joined(separator: " "))
        }
        return out
    }

    /// A group of a phone number: "050" → "нуль п'ятдесят", "45" → "сорок п'ять", "1234" → "дванадцять тридцять чотири".
    static func phoneGroup(_ g: Substring, _ lang: Language) -> String {
        if g.count > 4 { return NumberWords.digits(g, lang).joined(separator: " ") }
        if g.count == 4 { return phoneGroup(g.prefix(2), lang) + " " + phoneGroup(g.suffix(2), lang) }
        if g.hasPrefix("0") {
            let rest = g.dropFirst()
            return ([NumberWords.cardinal(0, lang)] + (rest.isEmpty ? [] : [phoneGroup(rest, lang)])).joined(separator: " ")
        }
        return NumberWords.cardinal(Int(g) ?? 0, lang)
    }

    /// E-mail addresses and URLs: the scheme is dropped, separators named, digits read one by one.
    static func address(_ s: String, _ lang: Language) -> String {
        let lex = Lexicon.of(lang)
        var text = s
        for scheme in ["https://", "http://", "HTTPS://", "HTTP://"] where text.hasPrefix(scheme) { text.removeFirst(scheme.count) }
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
