import Testing
@testable import VoiceText

@Suite struct LanguageDetectorTests {
    let detector = LanguageDetector(defaultLanguage: .uk)

    @Test(arguments: [
        ("Дякуємо за замовлення", Language.uk), ("Спасибо за заказ", .ru), ("Thank you for your order", .en),
        ("Ваше замовлення готове до видачі", .uk), ("Ваш заказ готов к выдаче", .ru),
        ("Зателефонуйте нам завтра", .uk), ("Позвоните нам завтра", .ru),
        ("Знижки на Nike та Adidas до кінця тижня", .uk), ("Скидки на Nike и Adidas до конца недели", .ru),
        ("Your code for Приват24 is ready", .en), ("Оплата пройшла успішно", .uk), ("Оплата прошла успешно", .ru),
        ("Сьогодні доставка безкоштовна", .uk), ("Сегодня доставка бесплатная", .ru),
        // No letter unique to either language.
        ("Посилка чекає на вас", .uk), ("Посылка ждет вас", .ru), ("Нагадуємо про запис", .uk), ("Напоминаем о записи", .ru),
        // Latin brands, abbreviations, addresses and digits do not make Cyrillic text English.
        ("Код для Apple ID: 1234", .uk), ("Деталі на rozetka.com.ua", .uk), ("Пишите на info@shop.ru, ответим быстро", .ru),
        ("Ваш PIN: 0000, нікому не повідомляйте", .uk),
        // Latin "i" typed for the Ukrainian "і".
        ("Вiтаємо з перемогою", .uk),
        ("PAM_SESSION_ERR", .en), ("example.com", .en),
    ])
    func detects(text: String, language: Language) {
        #expect(detector.detect(text).language == language, "\(text)")
    }

    @Test func ambiguousTextUsesTheDefault() {
        #expect(LanguageDetector(defaultLanguage: .ru).detect("Ваш код 4821").language == .ru)
        #expect(LanguageDetector(defaultLanguage: .uk).detect("Ваш код 4821").language == .uk)
        #expect(LanguageDetector(defaultLanguage: .ru).detect("Доставка завтра").language == .ru)
        #expect(detector.detect("Ваш код 4821").confidence == 0.5)
        #expect(detector.detect("4821").confidence == 0)
        #expect(detector.detect("").confidence == 0)
        #expect(detector.detect("!!! ... 🙂").language == .uk)
    }

    @Test func confidenceGrowsWithEvidence() {
        let short = detector.detect("знижка")
        let long = detector.detect("Знижка діє до кінця тижня на всі товари в магазині")
        #expect(long.language == .uk && short.language == .uk)
        #expect(long.confidence > short.confidence)
        #expect(long.confidence > 0.9 && long.confidence <= 1)
    }

    @Test func segmentsSplitMixedTextBySentence() {
        let text = "Ваш код 4821. Your code is 4821. Ваш код 4821, спасибо."
        let runs = detector.segments(text)
        #expect(runs.map(\.language) == [.uk, .en, .ru])
        #expect(runs.map(\.text) == ["Ваш код 4821.", "Your code is 4821.", "Ваш код 4821, спасибо."])
        for run in runs {
            let range = try? #require(run.range)
            #expect(range.map { String(text[$0]) } == run.text)
        }
    }

    @Test func segmentsSplitByClauseWhenTheScriptChanges() {
        #expect(detector.segments("Код 4821 / Code 4821").map(\.language) == [.uk, .en])
        #expect(detector.segments("Ваш код 4821, your code is 4821").map(\.language) == [.uk, .en])
        // A brand-name clause stays in its sentence.
        #expect(detector.segments("Знижки на Nike, Adidas та Puma").map(\.language) == [.uk])
    }

    @Test func segmentsMergeNeighboursAndKeepDigitsWithTheirRun() {
        let runs = detector.segments("Дякуємо! Ваше замовлення прийнято.\n4821\nЧекаємо на вас.")
        #expect(runs.count == 1)
        #expect(runs.first?.language == .uk)
        #expect(detector.segments("").isEmpty)
        #expect(detector.segments("   \n\n ").isEmpty)
    }

    @Test func survivesHostileInput() {
        let junk = String(decoding: [0xFF, 0xD0, 0x20, 0xC3, 0x28, 0xE2, 0x82] as [UInt8], as: UTF8.self) + "\u{0000}\u{0007}👨‍👩‍👧"
        _ = detector.detect(junk)
        _ = detector.segments(junk)
        let long = String(repeating: "Ваше замовлення готове. ", count: 500)
        #expect(detector.detect(long).language == .uk)
        #expect(detector.segments(long).count == 1)
        let oneWord = String(repeating: "а", count: 5000)
        _ = detector.detect(oneWord)
    }
}
