/// Phone numbers as both providers want them: digits only, with the country code.
public enum PhoneNumber {
    /// `+380 (50) 123-45-67` → `380501234567`. A national Ukrainian `050 123 45 67` gets
    /// `defaultCountry` prefixed; `00` international prefixes are dropped.
    /// `row` (1-based) names the offending input line in errors.
    public static func normalise(_ raw: String, row: Int? = nil, defaultCountry: String = "38") throws -> String {
        var digits = ""
        for ch in raw {
            if ch.isASCII, ch.isNumber { digits.append(ch) }
            else if " ()-.+\u{00A0}\t".contains(ch) { continue }
            else { throw PhoneError(raw: raw, row: row, reason: .invalidCharacter(ch)) }
        }
        if raw.filter({ $0 == "+" }).count > 1 || (raw.contains("+") && !raw.trimmingCharacters(in: .whitespaces).hasPrefix("+")) {
            throw PhoneError(raw: raw, row: row, reason: .misplacedPlus)
        }
        if digits.isEmpty { throw PhoneError(raw: raw, row: row, reason: .empty) }
        if digits.hasPrefix("00") { digits.removeFirst(2) }
        if digits.count == 10, digits.hasPrefix("0") { digits = defaultCountry + digits }
        if digits.hasPrefix("0") { throw PhoneError(raw: raw, row: row, reason: .noCountryCode) }
        // E.164 allows at most 15 digits; nothing real is shorter than 10 with its country code.
        guard (10...15).contains(digits.count) else { throw PhoneError(raw: raw, row: row, reason: .wrongLength(digits.count, expected: "10–15")) }
        if digits.hasPrefix("380"), digits.count != 12 { throw PhoneError(raw: raw, row: row, reason: .wrongLength(digits.count, expected: "12 for Ukraine (380 + 9)")) }
        return digits
    }

    /// Normalises a list, naming the first bad row (1-based) in the error.
    public static func normalise(all raws: [String], defaultCountry: String = "38") throws -> [String] {
        try raws.enumerated().map { try normalise($1, row: $0 + 1, defaultCountry: defaultCountry) }
    }
}

public struct PhoneError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case invalidCharacter(Character)
        case misplacedPlus
        case empty
        case noCountryCode
        case wrongLength(Int, expected: String)
    }

    public var raw: String
    public var row: Int?
    public var reason: Reason

    public var description: String {
        let what = (row.map { "row \($0): " } ?? "") + "phone \"\(raw)\""
        switch reason {
        case let .invalidCharacter(ch):
            return "\(what) contains \"\(ch)\"; use digits with an optional leading +, spaces, dashes, dots or brackets"
        case .misplacedPlus:
            return "\(what) has a + that is not at the start"
        case .empty:
            return "\(what) has no digits; give a full number such as +380501234567"
        case .noCountryCode:
            return "\(what) has no country code; write it as +380501234567"
        case let .wrongLength(n, expected):
            return "\(what) has \(n) digits, expected \(expected); give a full international number such as +380501234567"
        }
    }
}
