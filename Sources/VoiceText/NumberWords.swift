/// Grammatical gender of the noun a number counts: Ukrainian and Russian "1" and "2"
/// agree with it (одна гривня, два долари, одне євро).
public enum Gender: Sendable { case masculine, feminine, neuter }

/// Noun forms after a number in Ukrainian and Russian: 1 гривня / 2 гривні / 5 гривень.
public struct NounForms: Sendable {
    public let one: String, few: String, many: String
    public let gender: Gender
    public init(_ one: String, _ few: String, _ many: String, _ gender: Gender) {
        self.one = one
        self.few = few
        self.many = many
        self.gender = gender
    }

    /// The form that follows `n`: 11–14 take the "many" form whatever their last digit.
    public func form(for n: Int) -> String {
        let n100 = n % 100, n10 = n % 10
        if (11...14).contains(n100) { return many }
        if n10 == 1 { return one }
        if (2...4).contains(n10) { return few }
        return many
    }
}

/// Cardinal numbers in words with Slavic agreement; English for `en`.
public enum NumberWords {
    struct Table {
        let zero: String
        let units: [String]
        let unitsFeminine: [String]
        let unitsNeuter: [String]
        let teens: [String]
        let tens: [String]
        let hundreds: [String]
        let scales: [NounForms]
    }

    static let uk = Table(
        zero: "нуль",
        units: ["", "один", "два", "три", "чотири", "п'ять", "шість", "сім", "вісім", "дев'ять"],
        unitsFeminine: ["", "одна", "дві", "три", "чотири", "п'ять", "шість", "сім", "вісім", "дев'ять"],
        unitsNeuter: ["", "одне", "два", "три", "чотири", "п'ять", "шість", "сім", "вісім", "дев'ять"],
        teens: ["десять", "одинадцять", "дванадцять", "тринадцять", "чотирнадцять", "п'ятнадцять", "шістнадцять", "сімнадцять", "вісімнадцять", "дев'ятнадцять"],
        tens: ["", "", "двадцять", "тридцять", "сорок", "п'ятдесят", "шістдесят", "сімдесят", "вісімдесят", "дев'яносто"],
        hundreds: ["", "сто", "двісті", "триста", "чотириста", "п'ятсот", "шістсот", "сімсот", "вісімсот", "дев'ятсот"],
        scales: [NounForms("тисяча", "тисячі", "тисяч", .feminine), NounForms("мільйон", "мільйони", "мільйонів", .masculine),
                 NounForms("мільярд", "мільярди", "мільярдів", .masculine), NounForms("трильйон", "трильйони", "трильйонів", .masculine),
                 NounForms("квадрильйон", "квадрильйони", "квадрильйонів", .masculine)])

    static let ru = Table(
        zero: "ноль",
        units: ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"],
        unitsFeminine: ["", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"],
        unitsNeuter: ["", "одно", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"],
        teens: ["десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"],
        tens: ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"],
        hundreds: ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"],
        scales: [NounForms("тысяча", "тысячи", "тысяч", .feminine), NounForms("миллион", "миллиона", "миллионов", .masculine),
                 NounForms("миллиард", "миллиарда", "миллиардов", .masculine), NounForms("триллион", "триллиона", "триллионов", .masculine),
                 NounForms("квадриллион", "квадриллиона", "квадриллионов", .masculine)])

    static let enUnits = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    static let enTeens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let enTens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let enScales = ["thousand", "million", "billion", "trillion", "quadrillion"]

    /// Largest number read as one cardinal; longer digit strings are read digit by digit.
    public static let maxCardinal = 999_999_999_999_999_999

    public static func cardinal(_ n: Int, _ lang: Language, gender: Gender = .masculine) -> String {
        guard n >= 0 else { return minus(lang) + " " + cardinal(-n, lang, gender: gender) }
        switch lang {
        case .en: return english(n)
        case .uk: return slavic(n, uk, gender)
        case .ru: return slavic(n, ru, gender)
        }
    }

    static func minus(_ lang: Language) -> String { ["uk": "мінус", "ru": "минус", "en": "minus"][lang.rawValue] ?? "minus" }

    static func slavic(_ n: Int, _ t: Table, _ gender: Gender) -> String {
        if n == 0 { return t.zero }
        var groups: [Int] = []
        var rest = n
        while rest > 0 { groups.append(rest % 1000); rest /= 1000 }
        var words: [String] = []
        for (i, g) in groups.enumerated().reversed() where g > 0 {
            if i == 0 {
                words.append(group(g, t, gender))
            } else if i - 1 < t.scales.count {
                let scale = t.scales[i - 1]
                words.append(group(g, t, scale.gender))
                words.append(scale.form(for: g))
            }
        }
        return words.joined(separator: " ")
    }

    static func group(_ n: Int, _ t: Table, _ gender: Gender) -> String {
        var w: [String] = []
        if n >= 100 { w.append(t.hundreds[n / 100]) }
        let r = n % 100
        if (10...19).contains(r) {
            w.append(t.teens[r - 10])
        } else {
            if r >= 20 { w.append(t.tens[r / 10]) }
            let u = r % 10
            if u > 0 {
                switch gender {
                case .masculine: w.append(t.units[u])
                case .feminine: w.append(t.unitsFeminine[u])
                case .neuter: w.append(t.unitsNeuter[u])
                }
            }
        }
        return w.joined(separator: " ")
    }

    static func english(_ n: Int) -> String {
        if n == 0 { return "zero" }
        var groups: [Int] = []
        var rest = n
        while rest > 0 { groups.append(rest % 1000); rest /= 1000 }
        var words: [String] = []
        for (i, g) in groups.enumerated().reversed() where g > 0 {
            var w: [String] = []
            if g >= 100 { w.append(enUnits[g / 100] + " hundred") }
            let r = g % 100
            if (10...19).contains(r) { w.append(enTeens[r - 10]) } else if r > 0 {
                w.append([enTens[r / 10], enUnits[r % 10]].filter { !$0.isEmpty }.joined(separator: "-"))
            }
            if i > 0 { w.append(enScales[i - 1]) }
            words.append(w.joined(separator: " "))
        }
        return words.joined(separator: " ")
    }

    /// A number with its noun in the agreeing form: "дві тисячі гривень", "21 рубль" → "двадцять один рубль".
    public static func counted(_ n: Int, _ lang: Language, _ forms: NounForms, englishSingular: String? = nil, englishPlural: String? = nil) -> String {
        if lang == .en {
            return cardinal(n, .en) + " " + (n == 1 ? (englishSingular ?? forms.one) : (englishPlural ?? forms.many))
        }
        return cardinal(n, lang, gender: forms.gender) + " " + forms.form(for: n)
    }

    /// Digits one by one ("0 5 0" → ["нуль", "п'ять", "нуль"]).
    public static func digits(_ s: Substring, _ lang: Language) -> [String] {
        s.compactMap { $0.wholeNumberValue }.map { cardinal($0, lang) }
    }
}
