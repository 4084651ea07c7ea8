/// The languages VoicePrep detects and verbalises.
public enum Language: String, Sendable, CaseIterable, Codable {
    case uk, ru, en
}

public struct Detection: Sendable, Equatable {
    public let language: Language
    /// 0…1. 0: nothing to go on (no letters), the default was used. 0.5: Cyrillic text
    /// that reads the same in Ukrainian and Russian, the context or default decided.
    /// Towards 1: the runner-up is ever less likely.
    public let confidence: Double

    public init(language: Language, confidence: Double) {
        self.language = language
        self.confidence = confidence
    }
}

/// A stretch of text in one language: one or more neighbouring sentences or clauses.
public struct LanguageRun: Sendable, Equatable {
    public let language: Language
    public let confidence: Double
    /// The run as written in the input (`text[range]`).
    public let text: String
    /// Where the run is in the string given to `segments(_:)`.
    public let range: Range<String.Index>?

    public init(language: Language, confidence: Double, text: String, range: Range<String.Index>? = nil) {
        self.language = language
        self.confidence = confidence
        self.text = text
        self.range = range
    }
}
