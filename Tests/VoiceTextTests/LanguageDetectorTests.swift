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
    ])
    func detects(text: String, language: Language) {
        #expect(detector.detect(text).language == language, "\(text)")
    }

    @Test func ambiguousTextUsesTheDefault() {
        #expect(LanguageDetector(defaultLanguage: .ru).detect("Ваш код 4821").language == .ru)
        #expect(LanguageDetector(defaultLanguage: .uk).detect("Ваш код 4821").language == .uk)
        #expect(detector.detect("4821").confidence == 0)
    }

    @Test func segmentsSplitMixedText() {
        let runs = detector.segments("Ваш код 4821. Your code is 4821. Ваш код 4821, спасибо.")
        #expect(runs.map(\.language) == [.uk, .en, .ru])
    }
}
