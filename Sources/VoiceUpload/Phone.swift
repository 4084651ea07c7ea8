/// Phone numbers as the providers want them: digits only, with the country code.
public enum PhoneNumber {
    /// `+380 (50) 123-45-67` → `380501234567`; a national `0501234567` gets `defaultCountry` ("38").
    public static func normalise(_ raw: String, defaultCountry: String = "38") throws -> String {
        var digits = ""
        for ch in raw {
            if ch.isASCII, ch.isNumber { digits.append(ch) }
            else if " ()-.+\u{00A0}".contains(ch) { continue }
            else { throw PhoneError.invalidCharacter(raw, ch) }
        }
        if digits.hasPrefix("00") { digits.removeFirst(2) }
        if digits.count == 10, digits.hasPrefix("0") { digits = defaultCountry + digits }
        guard (11...15).contains(digits.count) else { throw PhoneError.wrongLength(raw, digits.count) }
        if digits.hasPrefix("380"), digits.count != 12 { throw PhoneError.wrongLength(raw, digits.count) }
        return digits
    }
}

public enum PhoneError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidCharacter(String, Character)
    case wrongLength(String, Int)

    public var description: String {
        switch self {
        case let .invalidCharacter(raw, ch):
            return "phone '\(raw)' contains '\(ch)'; use digits with an optional +, spaces, dashes or brackets"
        case let .wrongLength(raw, n):
            return "phone '\(raw)' has \(n) digits; expected a full international number such as 380501234567 (Ukraine: 12 digits)"
        }
    }
}
