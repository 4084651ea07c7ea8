import Foundation
import Testing
@testable import VoiceText

@Suite struct NormalizerTests {
    func script(_ text: String, _ options: NormalizerOptions = .init()) -> SpeechScript { Normalizer(options: options).script(for: text) }
    func words(_ text: String, _ lang: Language? = nil) -> String {
        script(text, NormalizerOptions(language: lang)).segments.map(\.words).joined(separator: " ")
    }

    // MARK: confirmation codes

    @Test(arguments: [
        ("Ваш код: 4821", Language.uk, ["чотири", "вісім", "два", "один"]),
        ("Ваш код: 4821", .ru, ["четыре", "восемь", "два", "один"]),
        ("Your code is 4821", .en, ["four", "eight", "two", "one"]),
        ("OTP 0071", .en, ["zero", "zero", "seven", "one"]),
        ("Пароль 90210", .ru, ["девять", "ноль", "два", "один", "ноль"]),
        ("4821 — ваш код для входу", .uk, ["чотири", "вісім", "два", "один"]),
    ])
    func codesAreReadDigitByDigitWithPauses(text: String, lang: Language, digits: [String]) {
        let items = script(text, NormalizerOptions(language: lang)).segments.flatMap(\.items)
        let spoken = items.compactMap { if case let .words(w) = $0 { return w } else { return nil } }
        // Each digit is its own words item, with the digit pause between consecutive digits.
        #expect(spoken.suffix(digits.count + (text.hasPrefix("4821") ? 1 : 0)).prefix(digits.count).elementsEqual(digits), "\(spoken)")
        #expect(items.filter { $0 == .pause(milliseconds: 400) }.count == digits.count - 1)
        #expect(!spoken.joined(separator: " ").contains("тисяч") && !spoken.joined(separator: " ").contains("thousand"))
    }

    @Test func codeRepetitionPerLanguage() {
        #expect(words("Ваш код 4821", .uk).contains("Повторюю:") == false)
        let opts = { (l: Language) in NormalizerOptions(language: l, repeatCodes: true) }
        #expect(script("Ваш код 4821", opts(.uk)).segments[0].words == "Ваш код чотири вісім два один Повторюю: чотири вісім два один")
        #expect(script("Ваш пароль 4821", opts(.ru)).segments[0].words.contains("Повторяю: четыре восемь два один"))
        #expect(script("Your code is 4821", opts(.en)).segments[0].words.contains("Again: four eight two one"))
        let custom = script("Код 123", NormalizerOptions(language: .uk, digitPauseMs: 700)).segments[0].items
        #expect(custom.contains(.pause(milliseconds: 700)))
    }

    // MARK: phone numbers

    @Test(arguments: [
        ("+380 50 123 45 67", Language.uk, ["плюс триста вісімдесят", "п'ятдесят", "сто двадцять три", "сорок п'ять", "шістдесят сім"]),
        ("0 800 123 456", .uk, ["нуль", "вісімсот", "сто двадцять три", "чотириста п'ятдесят шість"]),
        ("+7 (916) 123-45-67", .ru, ["плюс семь", "девятьсот шестнадцать", "сто двадцать три", "сорок пять", "шестьдесят семь"]),
        ("380501234567", .ru, ["триста восемьдесят", "пятьдесят", "сто двадцать три", "сорок пять", "шестьдесят семь"]),
        ("050 123 45 67", .uk, ["нуль п'ятдесят", "сто двадцять три", "сорок п'ять", "шістдесят сім"]),
        ("+1 212 555 0199", .en, ["plus one", "two hundred twelve", "five hundred fifty-five", "zero one ninety-nine"]),
    ])
    func phonesAreReadInGroupsWithPauses(phone: String, lang: Language, groups: [String]) {
        let items = script("Тел. \(phone)", NormalizerOptions(language: lang)).segments.flatMap(\.items)
        let spoken = items.compactMap { if case let .words(w) = $0 { return w } else { return nil } }
        #expect(Array(spoken.suffix(groups.count)) == groups, "\(spoken)")
        #expect(items.filter { $0 == .pause(milliseconds: 250) }.count == groups.count - 1)
        let all = spoken.joined(separator: " ")
        #expect(!all.contains("мільярд") && !all.contains("миллиард") && !all.contains("billion") && !all.contains("мільйон"))
    }

    // MARK: every class in every language

    @Test(arguments: [
        // cardinals, decimals, percentages, ordinals
        ("Залишилось 2000 місць", Language.uk, "дві тисячі місць"),
        ("Осталось 2000 мест", .ru, "две тысячи мест"),
        ("Only 2000 seats left", .en, "two thousand seats"),
        ("Населення 1000000 людей", .uk, "один мільйон людей"),
        ("Ставка 12,5 на рік", .uk, "дванадцять цілих п'ять десятих"),
        ("Ставка 12.5 в год", .ru, "двенадцать целых пять десятых"),
        ("Rate 12.5 a year", .en, "twelve point five"),
        ("Знижка 15% до 1 грудня", .uk, "п'ятнадцять відсотків до першого грудня"),
        ("Знижка 2% на все", .uk, "два відсотки"),
        ("Скидка 21% для вас", .ru, "двадцать один процент"),
        ("Скидка 3% для вас", .ru, "три процента"),
        ("Save 50% today", .en, "fifty percent"),
        ("Знижка -50%", .uk, "мінус п'ятдесят відсотків"),
        ("1-й рейс, 2-га спроба", .uk, "перший рейс"),
        ("2-га спроба", .uk, "друга спроба"),
        ("3-й этаж", .ru, "третий этаж"),
        ("the 2nd and 21st place", .en, "the second and twenty-first place"),
        // money with minor units
        ("Ви сплатили 1250.50 грн", .uk, "одна тисяча двісті п'ятдесят гривень п'ятдесят копійок"),
        ("Ви сплатили 1250,50 ₴", .uk, "одна тисяча двісті п'ятдесят гривень п'ятдесят копійок"),
        ("Оплата 2 грн 50 коп", .uk, "дві гривні п'ятдесят копійок"),
        ("Сумма 21 руб.", .ru, "двадцать один рубль"),
        ("Сумма 22 ₽", .ru, "двадцать два рубля"),
        ("Итого 1 000 000 руб", .ru, "один миллион рублей"),
        ("Цена 99,99 грн", .ru, "девяносто девять гривен девяносто девять копеек"),
        ("Pay $1,250.99 now", .en, "one thousand two hundred fifty dollars ninety-nine cents"),
        ("It costs €15", .en, "fifteen euros"),
        ("Ціна 5 USD", .uk, "п'ять доларів"),
        ("Цена 2 EUR", .ru, "два евро"),
        ("Баланс: -150 грн", .uk, "мінус сто п'ятдесят гривень"),
        // dates and times
        ("Доставка 23.11.2026 о 14:05", .uk, "двадцять третє листопада дві тисячі двадцять шостого року о чотирнадцять нуль п'ять"),
        ("Доставка 2026-11-23", .ru, "двадцать третье ноября две тысячи двадцать шестого года"),
        ("До 01.12.2026", .ru, "до первого декабря две тысячи двадцать шестого года"),
        ("Delivery on 23.11.2026 at 9:05", .en, "November twenty-third, two thousand twenty-six at nine oh five"),
        ("У 2026 році", .uk, "дві тисячі двадцять шостому році"),
        ("В 2026 году", .ru, "две тысячи двадцать шестом году"),
        ("З 1 січня 2026 р.", .uk, "з першого січня дві тисячі двадцять шостого року"),
        // symbols, e-mail, URLs, abbreviations
        ("Натисніть # або *", .uk, "решітка або зірочка"),
        ("Нажмите # или *", .ru, "решётка или звёздочка"),
        ("Press # or *", .en, "hash or star"),
        ("Замовлення № 5", .uk, "номер п'ять"),
        ("Tom & Jerry", .en, "Tom and Jerry"),
        ("Пишіть на info@example.com", .uk, "info равлик example крапка com"),
        ("Пишите на info@example.com", .ru, "info собака example точка com"),
        ("Write to info@example.com", .en, "info at example dot com"),
        ("Сайт https://www.shop.ua/akcii", .uk, "shop крапка ua слеш akcii"),
        ("вул. Шевченка, буд. 5, кв. 12", .uk, "вулиця Шевченка"),
        ("ул. Ленина, д. 5", .ru, "улица Ленина"),
        ("Тел.: 0 800 123 456", .uk, "телефон"),
    ])
    func verbalises(text: String, lang: Language, expected: String) {
        let all = words(text, lang)
        #expect(all.lowercased().contains(expected.lowercased()), "\(text) → \(all)")
        #expect(!all.contains { $0.isNumber }, "\(all)")
    }

    @Test func symbolsAreNeverLeftForTheVoice() {
        for lang in Language.allCases {
            let all = words("+ % @ # * № ₴ € $ ₽ / & 5% #1 a@b.com 3€", lang)
            #expect(!all.contains { "+%@#*№₴€$₽/&".contains($0) }, "\(lang): \(all)")
        }
    }

    // MARK: punctuation, segments, languages

    @Test func punctuationBecomesPausesSentenceLongerThanComma() {
        let items = script("Привіт, друже. Як справи?", NormalizerOptions(language: .uk)).segments[0].items
        #expect(items == [.words("Привіт"), .pause(milliseconds: 250), .words("друже"), .pause(milliseconds: 500), .words("Як справи")])
    }

    @Test func mixedTextBecomesTwoSegments() {
        let s = script("Ваш код 4821. Your code is 4821.")
        #expect(s.segments.map(\.language) == [.uk, .en])
        #expect(s.segments[1].words.contains("four"))
        #expect(s.segments[0].sourceText == "Ваш код 4821.")
    }

    @Test func defaultLanguageDecidesAmbiguousText() {
        #expect(script("Ваш код 4821", NormalizerOptions(defaultLanguage: .ru)).segments[0].language == .ru)
        #expect(script("Ваш код 4821", NormalizerOptions(defaultLanguage: .ru)).segments[0].words.contains("четыре"))
        #expect(script("Ваш код 4821", NormalizerOptions(defaultLanguage: .uk)).segments[0].words.contains("чотири"))
    }

    // MARK: malformed input

    @Test func malformedInputNeverCrashes() {
        let long = String(repeating: "Ваш код 4821, сума 1250 грн. ", count: 400)
        #expect(long.count > 10_000)
        let s = script(long)
        #expect(!s.segments.isEmpty && !s.segments.flatMap(\.items).isEmpty)
        let noise = String((0..<10_000).map { i in Character(UnicodeScalar(UInt8(33 + (i * 7919) % 94))) })
        _ = script(noise)
        #expect(script("").segments.isEmpty)
        #expect(script("   \n\t ").segments.isEmpty)
        #expect(script("!!! ... ,,, ???").segments.isEmpty)
        let digits = words("1234567890")
        #expect(!digits.isEmpty && !digits.contains { $0.isNumber })
        #expect(!words(String(repeating: "9", count: 200)).isEmpty)
        let invalid = String(decoding: [0x48, 0xFF, 0xFE, 0x69, 0x20, 0x34, 0x32, 0xC3] as [UInt8], as: UTF8.self)
        #expect(words(invalid).contains("forty-two") || words(invalid).contains("сорок два"))
        let emoji = words("🙂 \u{0007}\u{0000} тест 👨‍👩‍👧 12 \u{200B}\u{FEFF}", .uk)
        #expect(emoji.contains("тест дванадцять"))
        #expect(!emoji.unicodeScalars.contains { $0.properties.isEmojiPresentation || $0.value < 0x20 })
    }

    /// Property: over many generated strings, no digit of any script reaches the words.
    @Test func noDigitEverReachesTheWords() {
        var rng = SeededGenerator(seed: 42)
        let pieces = ["код", "4821", "12,5", "грн", "+380", "50", "%", "$", "23.11.2026", "14:05", "№", "0", "1-й", "2nd", ".", ",", " ",
                      "💳", "www.example.com", "a@b.ua", "-", "1 000", "руб", "€", "007", "99999999999999999999999", "Your", "Ваш", "\n",
                      "٣", "५", "１２", "2026-11-23", "(", ")", "1,250.99", "+7 (916) 123-45-67", "рік", "році", "3€", "x2", "v1.2.3",
                      "₴", "№12", "10:99", "31.02.2026", "1.000.000", "-5", ":", "/", "25:61", "0,5%"]
        for _ in 0..<1500 {
            let n = Int.random(in: 1...15, using: &rng)
            let sep = Bool.random(using: &rng) ? " " : ""
            let text = (0..<n).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined(separator: sep)
            let lang = [nil, Language.uk, .ru, .en].randomElement(using: &rng) ?? nil
            for seg in script(text, NormalizerOptions(language: lang)).segments {
                #expect(!seg.words.contains { $0.isNumber }, "digits leaked from \(text): \(seg.words)")
                #expect(!seg.items.contains(.words("")))
            }
        }
    }
}

/// Deterministic generator so a failing property case can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
