/// Sentence and clause boundaries that do not fall inside numbers (12.5, 23.11.2026),
/// addresses (example.com) or common abbreviations followed by lower case (вул. Шевченка).
enum Sentences {
    static let enders: Set<Character> = [".", "!", "?", "…"]

    /// Sentences, trimmed of surrounding whitespace; a line break always ends one.
    static func ranges(in text: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            var next = text.index(after: i)
            if c.isNewline {
                push(text, start..<i, &out)
                start = next
            } else if enders.contains(c) {
                while next < text.endIndex, enders.contains(text[next]) { next = text.index(after: next) }
                let atSpace = next == text.endIndex || text[next].isWhitespace
                if atSpace && !(c == "." && isAbbreviation(text, before: i, after: next)) {
                    push(text, start..<next, &out)
                    start = next
                }
            }
            i = next
        }
        push(text, start..<text.endIndex, &out)
        return out
    }

    /// A dot after a known abbreviation does not end the sentence unless a capital follows.
    static func isAbbreviation(_ text: String, before dot: String.Index, after: String.Index) -> Bool {
        var j = dot
        var word = ""
        while j > text.startIndex {
            let p = text.index(before: j)
            if !(text[p].isLetter || text[p] == ".") { break }
            word.insert(text[p], at: word.startIndex)
            j = p
            if word.count > 6 { return false }
        }
        let following = text[after...].first { !$0.isWhitespace }
        return Abbreviations.keepsDot(word.lowercased(), before: following)
    }

    /// Clauses of one sentence: split after , ; : and at free-standing dashes, slashes
    /// and bars, which messages use between language versions ("Код 4821 / Code 4821").
    static func clauses(in text: String, _ sentence: Range<String.Index>) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var start = sentence.lowerBound
        var i = sentence.lowerBound
        var prev: Character = " "
        while i < sentence.upperBound {
            let c = text[i]
            let next = text.index(after: i)
            let following: Character = next < sentence.upperBound ? text[next] : " "
            if (c == "," || c == ";" || c == ":") && following.isWhitespace
                || ("/|—–-".contains(c) && prev.isWhitespace && following.isWhitespace) {
                push(text, start..<next, &out)
                start = next
            }
            prev = c
            i = next
        }
        push(text, start..<sentence.upperBound, &out)
        return out
    }

    static func push(_ text: String, _ range: Range<String.Index>, _ out: inout [Range<String.Index>]) {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, text[lo].isWhitespace { lo = text.index(after: lo) }
        while hi > lo, text[text.index(before: hi)].isWhitespace { hi = text.index(before: hi) }
        if lo < hi { out.append(lo..<hi) }
    }

    /// Sentence texts, for callers that do not need positions.
    static func split(_ text: String) -> [String] { ranges(in: text).map { String(text[$0]) } }
}
