import Testing
@testable import VoiceText

@Suite struct NumberWordsTests {
    @Test(arguments: [
        (0, "нуль"), (1, "один"), (2, "два"), (11, "одинадцять"), (14, "чотирнадцять"), (21, "двадцять один"),
        (101, "сто один"), (1000, "одна тисяча"), (2000, "дві тисячі"), (5000, "п'ять тисяч"), (11000, "одинадцять тисяч"),
        (21000, "двадцять одна тисяча"), (1_000_000, "один мільйон"), (2_000_000, "два мільйони"), (5_000_000, "п'ять мільйонів"),
        (4821, "чотири тисячі вісімсот двадцять один"), (1_000_000_000, "один мільярд"),
    ])
    func ukrainianCardinals(n: Int, words: String) {
        #expect(NumberWords.cardinal(n, .uk) == words)
    }

    @Test(arguments: [
        (0, "ноль"), (1, "один"), (12, "двенадцать"), (21, "двадцать один"), (101, "сто один"), (1000, "одна тысяча"),
        (2000, "две тысячи"), (5000, "пять тысяч"), (1_000_000, "один миллион"), (3_000_000, "три миллиона"), (14_000_000, "четырнадцать миллионов"),
    ])
    func russianCardinals(n: Int, words: String) {
        #expect(NumberWords.cardinal(n, .ru) == words)
    }

    @Test(arguments: [(0, "zero"), (21, "twenty-one"), (101, "one hundred one"), (4821, "four thousand eight hundred twenty-one"), (1_000_000, "one million")])
    func englishCardinals(n: Int, words: String) {
        #expect(NumberWords.cardinal(n, .en) == words)
    }

    @Test(arguments: [
        // 0, 1, 2–4, 5–20, 11–14, 21, 22, 25, 101, 111, 1000, 2000, 1 000 000: the agreement edge cases.
        (0, "нуль гривень", "ноль рублей"), (1, "одна гривня", "один рубль"), (2, "дві гривні", "два рубля"),
        (4, "чотири гривні", "четыре рубля"), (5, "п'ять гривень", "пять рублей"), (11, "одинадцять гривень", "одиннадцать рублей"),
        (12, "дванадцять гривень", "двенадцать рублей"), (14, "чотирнадцять гривень", "четырнадцать рублей"),
        (21, "двадцять одна гривня", "двадцать один рубль"), (22, "двадцять дві гривні", "двадцать два рубля"),
        (25, "двадцять п'ять гривень", "двадцать пять рублей"), (101, "сто одна гривня", "сто один рубль"),
        (111, "сто одинадцять гривень", "сто одиннадцать рублей"), (1000, "одна тисяча гривень", "одна тысяча рублей"),
        (2000, "дві тисячі гривень", "две тысячи рублей"), (5000, "п'ять тисяч гривень", "пять тысяч рублей"),
        (21000, "двадцять одна тисяча гривень", "двадцать одна тысяча рублей"),
        (1_000_000, "один мільйон гривень", "один миллион рублей"), (2_000_000, "два мільйони гривень", "два миллиона рублей"),
    ])
    func currencyAgreement(n: Int, uk: String, ru: String) {
        #expect(Say.money(String(n), nil, currency: "грн", .uk) == uk)
        #expect(Say.money(String(n), nil, currency: "руб", .ru) == ru)
    }

    @Test func hugeAndNegativeNumbersDoNotCrash() {
        #expect(NumberWords.cardinal(Int.max, .uk).contains("квінтильйон") || !NumberWords.cardinal(Int.max, .uk).isEmpty)
        #expect(NumberWords.cardinal(-5, .ru) == "минус пять")
        #expect(NumberWords.cardinal(Int.min, .en).hasPrefix("minus"))
        #expect(Say.integer(String(repeating: "9", count: 40), .uk).split(separator: " ").count == 40)
    }

    @Test func slavicAgreementWithCurrencies() {
        #expect(Say.money("1", nil, currency: "грн", .uk) == "одна гривня")
        #expect(Say.money("2", nil, currency: "грн", .uk) == "дві гривні")
        #expect(Say.money("5", nil, currency: "грн", .uk) == "п'ять гривень")
        #expect(Say.money("11", nil, currency: "грн", .uk) == "одинадцять гривень")
        #expect(Say.money("21", nil, currency: "руб", .ru) == "двадцать один рубль")
        #expect(Say.money("22", nil, currency: "руб", .ru) == "двадцать два рубля")
        #expect(Say.money("25", nil, currency: "руб", .ru) == "двадцать пять рублей")
        #expect(Say.money("1250", "50", currency: "грн", .uk) == "одна тисяча двісті п'ятдесят гривень п'ятдесят копійок")
        #expect(Say.money("1", "01", currency: "$", .en) == "one dollar one cent")
        #expect(Say.money("2", nil, currency: "€", .uk) == "два євро")
        #expect(Say.money("2", nil, currency: "грн", .ru) == "две гривны")
    }

    @Test func ordinalsAndDates() {
        #expect(OrdinalWords.ordinal(2026, .uk, .genitive) == "дві тисячі двадцять шостого")
        #expect(OrdinalWords.ordinal(2000, .uk, .genitive) == "двохтисячного")
        #expect(OrdinalWords.ordinal(3, .uk, .neuter) == "третє")
        #expect(OrdinalWords.ordinal(23, .ru, .neuter) == "двадцать третье")
        #expect(OrdinalWords.ordinal(2, .ru, .masculine) == "второй")
        #expect(Say.date(day: 23, month: 11, year: 2026, .uk) == "двадцять третє листопада дві тисячі двадцять шостого року")
        #expect(Say.date(day: 1, month: 1, year: 2025, .ru) == "первое января две тысячи двадцать пятого года")
        #expect(Say.time(hour: 14, minute: 5, .uk) == "чотирнадцять нуль п'ять")
        #expect(Say.time(hour: 9, minute: 30, .en) == "nine thirty")
    }

    @Test func decimalsAndPercents() {
        #expect(Say.number("12", "5", .uk) == "дванадцять цілих п'ять десятих")
        #expect(Say.number("1", "25", .ru) == "одна целая двадцать пять сотых")
        #expect(Say.number("12", "5", .en) == "twelve point five")
        #expect(Say.percent("15", nil, .uk) == "п'ятнадцять відсотків")
        #expect(Say.percent("21", nil, .ru) == "двадцать один процент")
        #expect(Say.percent("3", nil, .ru) == "три процента")
    }

    @Test func phoneGroups() {
        #expect(Say.phone(groups: ["380", "50", "123", "45", "67"], plus: true, .uk) == ["плюс триста вісімдесят", "п'ятдесят", "сто двадцять три", "сорок п'ять", "шістдесят сім"])
        #expect(Say.phone(groups: ["380501234567"], plus: false, .uk).count == 5)
        #expect(Say.phone(groups: ["0", "800", "123", "456"], plus: false, .ru) == ["ноль", "восемьсот", "сто двадцать три", "четыреста пятьдесят шесть"])
        #expect(Say.phoneGroup("050", .uk) == "нуль п'ятдесят")
        #expect(Say.phoneGroup("07", .ru) == "ноль семь")
    }
}
