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

    /// Largest number read as one cardinal; longer digit strings are read digit by digit.
    public static let maxCardinal = 999_999_999_999_999_999

    public static func cardinal(_ n: Int, _ lang: Language, gender: Gender = .masculine) -> String {
        guard n >= 0 else { return minus(lang) + " " + cardinal(n == .min ? .max : -n, lang, gender: gender) }
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
