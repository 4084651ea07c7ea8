/// Ordinals for dates, years and marked ordinals (1-й, 2nd): only the last word of a
/// compound ordinal is ordinal ("дві тисячі двадцять шостого").
public enum OrdinalWords {
    public enum Form: Sendable {
        case masculine, feminine, neuter, genitive
        /// "у дві тисячі двадцять шостому році", "в две тысячи двадцать шестом году".
        case locative
    }

    static let ukStems: [Int: String] = [
        1: "перш", 2: "друг", 3: "трет", 4: "четверт", 5: "п'ят", 6: "шост", 7: "сьом", 8: "восьм", 9: "дев'ят", 10: "десят",
        11: "одинадцят", 12: "дванадцят", 13: "тринадцят", 14: "чотирнадцят", 15: "п'ятнадцят", 16: "шістнадцят", 17: "сімнадцят",
        18: "вісімнадцят", 19: "дев'ятнадцят", 20: "двадцят", 30: "тридцят", 40: "сороков", 50: "п'ятдесят", 60: "шістдесят",
        70: "сімдесят", 80: "вісімдесят", 90: "дев'яност", 100: "сот", 200: "двохсот", 300: "трьохсот", 400: "чотирьохсот",
        500: "п'ятисот", 600: "шестисот", 700: "семисот", 800: "восьмисот", 900: "дев'ятисот", 1000: "тисячн",
    ]
    static let ruStems: [Int: String] = [
        1: "перв", 2: "втор", 3: "треть", 4: "четвёрт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм", 9: "девят", 10: "десят",
        11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат", 15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат",
        18: "восемнадцат", 19: "девятнадцат", 20: "двадцат", 30: "тридцат", 40: "сороков", 50: "пятидесят", 60: "шестидесят",
        70: "семидесят", 80: "восьмидесят", 90: "девяност", 100: "сот", 200: "двухсот", 300: "трёхсот", 400: "четырёхсот",
        500: "пятисот", 600: "шестисот", 700: "семисот", 800: "восьмисот", 900: "девятисот", 1000: "тысячн",
    ]
    static let ruStressed: Set<Int> = [2, 6, 7, 8, 40]
    static let en: [Int: String] = [
        1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth",
        11: "eleventh", 12: "twelfth", 13: "thirteenth", 14: "fourteenth", 15: "fifteenth", 16: "sixteenth", 17: "seventeenth",
        18: "eighteenth", 19: "nineteenth", 20: "twentieth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth", 60: "sixtieth",
        70: "seventieth", 80: "eightieth", 90: "ninetieth",
    ]

    public static func ordinal(_ n: Int, _ lang: Language, _ form: Form = .masculine) -> String {
        guard n > 0 else { return NumberWords.cardinal(n, lang) }
        // Split off the part whose word becomes ordinal.
        let last: Int
        if (1...19).contains(n % 100) { last = n % 100 }
        else if n % 10 != 0 { last = n % 10 }
        else if n % 100 != 0 { last = n % 100 }
        else if n % 1000 != 0 { last = n % 1000 }
        else if n < 1_000_000 { last = n }
        else { return NumberWords.cardinal(n, lang) }
        let head = n - last
        // English joins tens and units with a hyphen: "twenty-first".
        let joiner = lang == .en && head % 100 != 0 && last < 10 ? "-" : " "
        let prefix = head > 0 ? NumberWords.cardinal(head, lang) + joiner : ""
        if last >= 1000 {
            // 2000 → "двохтисячний"; other round thousands read as a cardinal plus "тисячний".
            let k = last / 1000
            let lead: String
            switch lang {
            case .uk: lead = k == 1 ? "" : k == 2 ? "двох" : k == 3 ? "трьох" : k == 4 ? "чотирьох" : NumberWords.cardinal(k, .uk) + " "
            case .ru: lead = k == 1 ? "" : k == 2 ? "двух" : k == 3 ? "трёх" : k == 4 ? "четырёх" : NumberWords.cardinal(k, .ru) + " "
            case .en: return NumberWords.cardinal(k, .en) + " thousandth"
            }
            return prefix + lead + word(1000, lang, form)
        }
        return prefix + word(last, lang, form)
    }

    static func word(_ n: Int, _ lang: Language, _ form: Form) -> String {
        switch lang {
        case .en:
            if let w = en[n] { return w }
            if n % 100 == 0 { return NumberWords.cardinal(n, .en) + "th" }
            return NumberWords.cardinal(n, .en)
        case .uk:
            let stem = ukStems[n] ?? NumberWords.cardinal(n, .uk)
            if n == 3 {
                switch form { case .masculine: return "третій"; case .feminine: return "третя"; case .neuter: return "третє"; case .genitive: return "третього"; case .locative: return "третьому" }
            }
            switch form { case .masculine: return stem + "ий"; case .feminine: return stem + "а"; case .neuter: return stem + "е"; case .genitive: return stem + "ого"; case .locative: return stem + "ому" }
        case .ru:
            let stem = ruStems[n] ?? NumberWords.cardinal(n, .ru)
            if n == 3 {
                switch form { case .masculine: return "третий"; case .feminine: return "третья"; case .neuter: return "третье"; case .genitive: return "третьего"; case .locative: return "третьем" }
            }
            switch form {
            case .masculine: return stem + (ruStressed.contains(n) ? "ой" : "ый")
            case .feminine: return stem + "ая"
            case .neuter: return stem + "ое"
            case .genitive: return stem + "ого"
            case .locative: return stem + "ом"
            }
        }
    }
}
