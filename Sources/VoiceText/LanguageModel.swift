/// The trained tables of `LanguageModelData`, decoded once on first use into hash maps
/// keyed the way `LanguageDetector` scans text, so scoring never builds a String.
final class LanguageModel: Sendable {
    static let shared = LanguageModel()

    /// Character 1–4-grams of space-padded Cyrillic words, packed 6 bits per letter code.
    let grams: [UInt32: Int8]
    /// Whole Cyrillic words by `wordHash`; a known word is judged by this weight alone.
    let words: [UInt64: Int8]
    /// Frequent English words by `wordHash` of their lower-case ASCII letters.
    let english: Set<UInt64>

    /// Nats per stored step (see scripts/train-lang).
    static let step = LanguageModelData.step
    /// A known word counts this many times one n-gram: it is a far better estimate.
    static let wordScale: Int32 = 3

    /// Letter codes: 0 = not part of a Cyrillic word, 1 = word padding, 2…33 = а…я,
    /// 34…38 = ё є і ї ґ, 39 = apostrophe. Upper case folds to lower case.
    static let pad: UInt32 = 1
    static let apostrophe: UInt32 = 39

    @inline(__always)
    static func code(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x430...0x44F: return v - 0x430 + 2
        case 0x410...0x42F: return v - 0x410 + 2
        case 0x451, 0x401: return 34
        case 0x454, 0x404: return 35
        case 0x456, 0x406: return 36
        case 0x457, 0x407: return 37
        case 0x491, 0x490: return 38
        default: return 0
        }
    }

    @inline(__always)
    static func hashStep(_ h: UInt64, _ v: UInt32) -> UInt64 { (h ^ UInt64(v)) &* 0x100_0000_01b3 }
    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    private init() {
        let offset = Int32(LanguageModelData.offset)
        var g: [UInt32: Int8] = [:]
        g.reserveCapacity(20_000)
        var key: UInt32 = 0
        for s in LanguageModelData.grams.unicodeScalars {
            let v = s.value
            if v == 10 { continue }
            if (48...122).contains(v) {
                g[key] = Int8(Int32(v) - offset)
                key = 0
                continue
            }
            let c = v == 0x20 ? Self.pad : v == 0x27 ? Self.apostrophe : Self.code(v)
            key = key << 6 | c
        }
        grams = g

        var w: [UInt64: Int8] = [:]
        w.reserveCapacity(8_000)
        var h = Self.hashSeed
        for s in LanguageModelData.words.unicodeScalars {
            let v = s.value
            if v == 10 { continue }
            if (48...122).contains(v) {
                w[h] = Int8(Int32(v) - offset)
                h = Self.hashSeed
                continue
            }
            h = Self.hashStep(h, v == 0x27 ? Self.apostrophe : Self.code(v))
        }
        words = w

        var e = Set<UInt64>()
        for word in LanguageModelData.english.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            var h = Self.hashSeed
            for s in word.unicodeScalars { h = Self.hashStep(h, s.value | 0x20) }
            e.insert(h)
        }
        english = e
    }
}
