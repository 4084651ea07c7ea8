import Foundation

/// One classified piece of a sentence.
enum Token: Equatable {
    case word(String)
    /// Digits with optional decimal part: "1250", "12,5", "10 000".
    case number(integer: String, fraction: String?)
    case ordinal(String, suffix: String)
    case percent(integer: String, fraction: String?)
    case money(integer: String, fraction: String?, currency: String)
    case date(day: Int, month: Int, year: Int)
    case time(hour: Int, minute: Int)
    /// Digit groups as written; `plus` when it started with "+".
    case phone(groups: [String], plus: Bool)
    case email(String)
    case url(String)
    case symbol(Character)
    /// A minus sign before a number ("-50%", "баланс: -150 грн").
    case minus
    /// A pause from punctuation, in milliseconds.
    case pause(Int)
}

/// Splits a sentence into tokens. Works on Characters so emoji, combining marks and
/// control characters are whole units that can be dropped without splitting anything.
struct Tokenizer {
    let chars: [Character]
    /// Decides "1,250": thousands in English, one and a quarter in Ukrainian and Russian.
    let language: Language
    var i = 0

    init(_ text: String, language: Language = .uk) {
        chars = Array(text)
        self.language = language
    }

    static let currencySigns: Set<Character> = ["₴", "€", "$", "₽"]
    static let symbols: Set<Character> = ["+", "%", "@", "#", "*", "№", "&", "/", "=", "₴", "€", "$", "₽"]
    static let apostrophes: Set<Character> = ["'", "’", "ʼ", "`"]

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
    static let groupSpaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]

    mutating func tokens() -> [Token] {
        var out: [Token] = []
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace || c.unicodeScalars.allSatisfy({ CharacterSet.controlCharacters.contains($0) }) { i += 1; continue }
            if let t = scanURLOrEmail() { out.append(t); continue }
            if let t = scanPhone() { out.append(t); continue }
            if c.isNumber {
                out.append(scanNumeric())
                continue
            }
            if Self.currencySigns.contains(c), i + 1 < chars.count, chars[i + 1].isNumber || (i + 2 < chars.count && chars[i + 1] == " " && chars[i + 2].isNumber) {
                i += 1
                while i < chars.count, chars[i] == " " { i += 1 }
                if case let .number(int, frac) = scanNumeric() {
                    out.append(.money(integer: int, fraction: frac, currency: String(c)))
                }
                continue
            }
            if c.isLetter {
                let w = scanWord()
                out.append(.word(w))
                // "вул. Шевченка", "тел.: …", "100 грн. за": the dot belongs to the abbreviation.
                if i < chars.count, chars[i] == ".", Abbreviations.keepsDot(w.lowercased(), before: chars[(i + 1)...].first { !$0.isWhitespace }) {
                    i += 1
                }
                continue
            }
            if c == "-" || c == "−", i + 1 < chars.count, Self.isDigit(chars[i + 1]),
               i == 0 || chars[i - 1].isWhitespace || "(:=".contains(chars[i - 1]) {
                out.append(.minus)
                i += 1
                continue
            }
            i += 1
            let spaced = i - 2 >= 0 && chars[i - 2].isWhitespace && (i >= chars.count || chars[i].isWhitespace)
            switch c {
            case "/" where spaced, "|" where spaced: out.append(.pause(300))  // between versions of a message, not a slash
            case ",", ";": out.append(.pause(250))
            case ":": out.append(.pause(300))
            case ".", "!", "?", "…": out.append(.pause(500))
            case "-", "–", "—": out.append(.pause(200))
            default:
                if Self.symbols.contains(c) { out.append(.symbol(c)) }
                // Quotes, brackets, emoji and the like are not spoken.
            }
        }
        return attachUnits(out)
    }

    mutating func scanWord() -> String {
        var w = ""
        while i < chars.count {
            let c = chars[i]
            if c.isLetter {
                w.append(c)
            } else if (Self.apostrophes.contains(c) || c == "-"), i + 1 < chars.count, chars[i + 1].isLetter, !w.isEmpty {
                w.append(Self.apostrophes.contains(c) ? "'" : "-")
            } else {
                break
            }
            i += 1
        }
        return w
    }

    /// Digits: a date, a time, an ordinal, or a number with an optional decimal part and
    /// spaces as thousands separators ("10 000").
    mutating func scanNumeric() -> Token {
        let start = i
        var digits = ""
        while i < chars.count, chars[i].isNumber, let v = chars[i].wholeNumberValue { digits += String(v); i += 1 }
        // Date dd.mm.yyyy or yyyy-mm-dd, time hh:mm
        if let date = scanDate(first: digits) { return date }
        if i + 2 < chars.count, chars[i] == ":", Self.isDigit(chars[i + 1]), Self.isDigit(chars[i + 2]),
           let h = Int(digits), digits.count <= 2, h < 24, let m = Int(String(chars[i + 1...i + 2])), m < 60,
           !(i + 3 < chars.count && chars[i + 3].isNumber) {
            i += 3
            return .time(hour: h, minute: m)
        }
        // Thousands groups: "10 000", "1 250 000", "1,250.99", "1.000.000".
        if digits.count <= 3 && !(digits.hasPrefix("0") && digits.count > 1) {
            while i + 3 < chars.count, Self.groupSpaces.contains(chars[i]), chars[i + 1...i + 3].allSatisfy(Self.isDigit),
                  !(i + 4 < chars.count && chars[i + 4].isNumber) {
                digits += String(chars[i + 1...i + 3])
                i += 4
            }
            for sep: Character in [",", "."] where digits.count <= 3 {
                var j = i, groups = 0
                while j + 3 < chars.count, chars[j] == sep, chars[j + 1...j + 3].allSatisfy(Self.isDigit),
                      !(j + 4 < chars.count && chars[j + 4].isNumber) {
                    groups += 1
                    j += 4
                }
                let other: Character = sep == "," ? "." : ","
                let decimalFollows = j + 1 < chars.count && chars[j] == other && Self.isDigit(chars[j + 1])
                if groups >= 2 || groups == 1 && (decimalFollows || sep == "," && language == .en) {
                    while i < j {
                        digits += String(chars[i + 1...i + 3])
                        i += 4
                    }
                }
            }
        }
        var fraction: String?
        if i + 1 < chars.count, chars[i] == "," || chars[i] == ".", chars[i + 1].isNumber {
            var f = ""
            var j = i + 1
            while j < chars.count, chars[j].isNumber, let v = chars[j].wholeNumberValue { f += String(v); j += 1 }
            // "1.000.000" style grouping is not a decimal.
            if !(j < chars.count && (chars[j] == "." || chars[j] == ",") && j + 1 < chars.count && chars[j + 1].isNumber) {
                fraction = f
                i = j
            }
        }
        if i < chars.count, chars[i] == "%" {
            i += 1
            return .percent(integer: digits, fraction: fraction)
        }
        if fraction == nil, let suffix = scanOrdinalSuffix() { return .ordinal(digits, suffix: suffix) }
        _ = start
        return .number(integer: digits, fraction: fraction)
    }

    mutating func scanOrdinalSuffix() -> String? {
        var j = i
        if j < chars.count, chars[j] == "-" { j += 1 }
        var s = ""
        while j < chars.count, chars[j].isLetter, s.count < 3 { s.append(chars[j]); j += 1 }
        if j < chars.count, chars[j].isLetter { return nil }
        let lower = s.lowercased()
        let dashed = i < chars.count && chars[i] == "-"
        let slavic: Set<String> = ["й", "я", "го", "е", "є", "му", "ий", "а", "ої", "ое", "ая", "ого", "ом", "га", "ге", "ій", "ю", "ми"]
        let english: Set<String> = ["st", "nd", "rd", "th"]
        if (dashed && slavic.contains(lower)) || english.contains(lower) {
            i = j
            return lower
        }
        return nil
    }

    mutating func scanDate(first: String) -> Token? {
        func num(_ from: Int, _ len: Int) -> Int? {
            guard from + len <= chars.count, chars[from..<from + len].allSatisfy(Self.isDigit) else { return nil }
            return Int(String(chars[from..<from + len]))
        }
        // dd.mm.yyyy
        if first.count <= 2, i < chars.count, chars[i] == ".", let d = Int(first) {
            var j = i + 1
            let mLen = (j + 1 < chars.count && Self.isDigit(chars[j + 1])) ? 2 : 1
            if let m = num(j, mLen) {
                j += mLen
                if j < chars.count, chars[j] == ".", let y = num(j + 1, 4), !(j + 5 < chars.count && chars[j + 5].isNumber),
                   (1...31).contains(d), (1...12).contains(m) {
                    i = j + 5
                    return .date(day: d, month: m, year: y)
                }
            }
        }
        // yyyy-mm-dd
        if first.count == 4, i < chars.count, chars[i] == "-", let y = Int(first), let m = num(i + 1, 2), i + 3 < chars.count,
           chars[i + 3] == "-", let d = num(i + 4, 2), (1...12).contains(m), (1...31).contains(d),
           !(i + 6 < chars.count && chars[i + 6].isNumber) {
            i += 6
            return .date(day: d, month: m, year: y)
        }
        return nil
    }

    /// A phone number: "+" and digit groups, or a group of 10–13 digits written with
    /// separators starting with 0 (0 800 123 456), or a bare run of 11–13 digits.
    mutating func scanPhone() -> Token? {
        var j = i
        var plus = false
        if chars[j] == "+" { plus = true; j += 1 }
        guard j < chars.count, chars[j].isNumber || chars[j] == "(" else { return nil }
        var groups: [String] = []
        var current = ""
        var separators = 0
        while j < chars.count {
            let c = chars[j]
            if Self.isDigit(c) {
                current.append(c)
            } else if c == " " || c == "-" || c == "(" || c == ")" || c == "\u{00A0}" {
                // A separator only continues the number if digits follow soon.
                var k = j
                while k < chars.count, [" ", "-", "(", ")", "\u{00A0}"].contains(chars[k]) { k += 1 }
                guard k < chars.count, Self.isDigit(chars[k]), k - j <= 3 else { break }
                if !current.isEmpty { groups.append(current); current = "" }
                separators += 1
                j = k
                continue
            } else {
                break
            }
            j += 1
        }
        if !current.isEmpty { groups.append(current) }
        let total = groups.reduce(0) { $0 + $1.count }
        if j < chars.count, chars[j].isLetter || chars[j] == "%" || chars[j] == "." && j + 1 < chars.count && chars[j + 1].isNumber { return nil }
        // "1 000 000" and "12 500" are amounts, whatever their length.
        if !plus, groups.count >= 2, groups[0].count <= 3, !groups[0].hasPrefix("0"), groups.dropFirst().allSatisfy({ $0.count == 3 }) { return nil }
        let isPhone: Bool
        if plus { isPhone = (9...15).contains(total) }
        else if groups.count == 1 { isPhone = (11...13).contains(total) && (groups[0].hasPrefix("380") || groups[0].hasPrefix("7") || groups[0].hasPrefix("0")) }
        else { isPhone = (9...13).contains(total) && (groups[0].hasPrefix("0") || groups.contains { $0.count == 3 } && groups.count >= 3 && groups.allSatisfy { $0.count <= 4 } && (10...13).contains(total)) }
        guard isPhone else { return nil }
        i = j
        return .phone(groups: groups, plus: plus)
    }

    mutating func scanURLOrEmail() -> Token? {
        // Find the whitespace-delimited chunk starting here.
        var j = i
        while j < chars.count, !chars[j].isWhitespace { j += 1 }
        var chunk = String(chars[i..<j])
        while let last = chunk.last, ".,;:!?)»\"".contains(last) { chunk.removeLast() }
        let lower = chunk.lowercased()
        let isURL = lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
        let isEmail = chunk.contains("@") && chunk.split(separator: "@").count == 2 && chunk.split(separator: "@").last?.contains(".") == true
            && chunk.first?.isLetter == true || (chunk.first?.isNumber == true && chunk.contains("@"))
        let labels = lower.split(separator: ".")
        let isDomain = labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "/") } }
            && labels.last.map { $0.count >= 2 && $0.allSatisfy { $0.isLetter || $0 == "/" } } == true && labels.first?.first?.isLetter == true
        guard isURL || isEmail || isDomain else { return nil }
        i += chunk.count
        return isEmail ? .email(chunk) : .url(chunk)
    }

    /// "1250 грн", "5 $", "15 €": a number followed by a currency becomes money.
    func attachUnits(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        var k = 0
        while k < tokens.count {
            if case let .number(int, frac) = tokens[k], k + 1 < tokens.count {
                var currency: String?
                if case let .word(w) = tokens[k + 1], Currency.names[w.lowercased()] != nil, w.lowercased() != "р" { currency = w.lowercased() }
                if case let .symbol(s) = tokens[k + 1], Self.currencySigns.contains(s) { currency = String(s) }
                if let currency {
                    out.append(.money(integer: int, fraction: frac, currency: currency))
                    k += 2
                    // "грн." — the dot belongs to the abbreviation, not the sentence.
                    continue
                }
            }
            out.append(tokens[k])
            k += 1
        }
        return out
    }
}
