extension Say {
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
}
