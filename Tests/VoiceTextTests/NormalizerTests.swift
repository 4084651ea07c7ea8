import Foundation
import Testing
@testable import VoiceText

@Suite struct NormalizerTests {
    func script(_ text: String, _ options: NormalizerOptions = .init()) -> SpeechScript { Normalizer(options: options).script(for: text) }

    @Test func confirmationCodeIsReadDigitByDigitWithPauses() {
        let s = script("Ваш код: 4821")
        #expect(s.segments.count == 1)
        let items = s.segments[0].items
        #expect(items.contains(.words("чотири")))
        #expect(!s.segments[0].words.contains("тисяч"))
        let digitPauses = items.filter { $0 == .pause(milliseconds: 400) }.count
        #expect(digitPauses == 3)
    }

    @Test func codeRepetitionPerLanguage() {
        let opts = NormalizerOptions(repeatCodes: true)
        #expect(script("Ваш код 4821", opts).segments[0].words.contains("Повторюю:"))
        #expect(script("Ваш пароль 4821, спасибо", NormalizerOptions(language: .ru, repeatCodes: true)).segments[0].words.contains("Повторяю:"))
        #expect(script("Your code is 4821", opts).segments[0].words.contains("Again:"))
    }

    @Test func mixedTextBecomesTwoSegments() {
        let s = script("Ваш код 4821. Your code is 4821.")
        #expect(s.segments.map(\.language) == [.uk, .en])
        #expect(s.segments[1].words.contains("four"))
    }

    @Test func defaultLanguageDecidesAmbiguousText() {
        #expect(script("Ваш код 4821", NormalizerOptions(defaultLanguage: .ru)).segments[0].language == .ru)
        #expect(script("Ваш код 4821", NormalizerOptions(defaultLanguage: .uk)).segments[0].language == .uk)
    }

    @Test(arguments: [
        ("Ви сплатили 1250,50 грн", "одна тисяча двісті п'ятдесят гривень п'ятдесят копійок"),
        ("Дзвоніть +380 50 123 45 67", "плюс триста вісімдесят"),
        ("Знижка 15% до 1 грудня", "п'ятнадцять відсотків до першого грудня"),
        ("Доставка 23.11.2026 о 14:05", "двадцять третє листопада дві тисячі двадцять шостого року"),
        ("Пишіть на info@example.com", "info равлик example крапка com"),
        ("Натисніть # або *", "решітка або зірочка"),
        ("Замовлення № 5", "номер п'ять"),
        ("Заказ на 2000 руб. готов", "две тысячи рублей"),
        ("Скидка 21% для вас", "двадцать один процент"),
        ("It costs $5 and 12.5% more", "five dollars and twelve point five percent"),
    ])
    func verbalises(text: String, expected: String) {
        let all = script(text).segments.map(\.words).joined(separator: " ")
        #expect(all.contains(expected), "\(all)")
    }

    @Test func phoneNumbersAreNeverOneHugeCardinal() {
        for phone in ["+380 50 123 45 67", "0 800 123 456", "+7 (916) 123-45-67", "380501234567"] {
            let words = script("Телефон \(phone)").segments.map(\.words).joined(separator: " ")
            #expect(!words.contains("мільярд") && !words.contains("мільйон") && !words.contains("миллиард"), "\(phone): \(words)")
        }
    }

    @Test func malformedInputNeverCrashes() {
        let long = String(repeating: "Ваш код 4821, сума 1250 грн. ", count: 400)
        #expect(long.count > 10_000)
        #expect(!script(long).segments.isEmpty)
        #expect(script("").segments.isEmpty)
        #expect(script("!!! ... ,,, ???").segments.isEmpty)
        #expect(!script("1234567890").segments.isEmpty)
        let invalid = String(decoding: [0x48, 0xFF, 0xFE, 0x69, 0x20, 0x34, 0x32] as [UInt8], as: UTF8.self)
        _ = script(invalid)
        _ = script("🙂 \u{0007}\u{0000} тест 👨‍👩‍👧 12 \u{200B}")
    }

    @Test func noDigitEverReachesTheWords() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["код", "4821", "12,5", "грн", "+380", "50", "%", "$", "23.11.2026", "14:05", "№", "0", "1-й", "2nd", ".", ",", " ",
                      "💳", "www.example.com", "a@b.ua", "-", "1 000", "руб", "€", "007", "99999999999999999999999", "Your", "Ваш", "\n"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 1...15, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined(separator: Bool.random() ? " " : "")
            for seg in script(text).segments {
                #expect(!seg.words.contains { $0.isNumber }, "digits leaked from \(text): \(seg.words)")
            }
        }
    }

    @Test func explainAndSSMLShowPauses() {
        let s = script("Ваш код 481")
        #expect(s.explained().contains("[pause 400ms]"))
        let ssml = SSML.render(s.segments[0])
        #expect(ssml.contains("<break time=\"400ms\"/>"))
        #expect(!ssml.contains("say-as"))
    }
}
