/// The languages VoicePrep detects and verbalises.
public enum Language: String, Sendable, CaseIterable, Codable {
    case uk, ru, en
}

public struct Detection: Sendable, Equatable {
    public let language: Language
    /// 0…1: how clearly the text belongs to `language` rather than the runner-up.
    public let confidence: Double
}

public struct LanguageRun: Sendable, Equatable {
    public let language: Language
    public let confidence: Double
    public let text: String
}
