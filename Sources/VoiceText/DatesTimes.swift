extension Say {
    /// `genitive`: after до/з/від/с/от the day is "першого", otherwise "перше".
    static func date(day: Int, month: Int, year: Int, _ lang: Language, genitive: Bool = false) -> String {
        let lex = Lexicon.of(lang)
        let monthName = lex.months[month - 1]
        if lang == .en {
            return "\(monthName) \(OrdinalWords.ordinal(day, .en)), \(NumberWords.cardinal(year, .en))"
        }
        return "\(OrdinalWords.ordinal(day, lang, genitive ? .genitive : .neuter)) \(monthName) \(OrdinalWords.ordinal(year, lang, .genitive)) \(lex.year)"
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
}
