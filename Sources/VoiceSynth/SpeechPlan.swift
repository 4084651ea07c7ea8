/// What to say: segments in a language, each a sequence of word runs and exact pauses.
/// The text stage produces it; this stage only speaks it.
public struct SpeechPlan: Sendable, Equatable {
    public var segments: [PlanSegment]
    public init(segments: [PlanSegment]) { self.segments = segments }
}

public struct PlanSegment: Sendable, Equatable {
    /// `uk`, `ru` or `en` (any language espeak-ng has a voice for works with a voice mapping).
    public var language: String
    public var items: [PlanItem]
    public var text: String
    public init(language: String, items: [PlanItem], text: String = "") {
        self.language = language
        self.items = items
        self.text = text
    }
}

public enum PlanItem: Sendable, Equatable {
    case words(String)
    case pause(milliseconds: Int)
}

/// How the voice sounds.
public struct VoiceOptions: Sendable, Equatable {
    /// Speaking rate, words per minute (espeak-ng's default is 175; telephone audiences follow 150–165 better).
    public var rate: Int
    public var pitch: Int
    public var pitchRange: Int
    /// espeak-ng voice variant (`f3`, `m2`, `klatt`, …), appended as `voice+variant`.
    public var variant: String?
    /// espeak-ng voice per language.
    public var voices: [String: String]

    public init(rate: Int = 160, pitch: Int = 50, pitchRange: Int = 50, variant: String? = nil,
                voices: [String: String] = ["uk": "uk", "ru": "ru", "en": "en-us"]) {
        self.rate = rate
        self.pitch = pitch
        self.pitchRange = pitchRange
        self.variant = variant
        self.voices = voices
    }

    func voiceName(for language: String) -> String {
        let base = voices[language] ?? language
        return variant.map { "\(base)+\($0)" } ?? base
    }
}

/// Speech rendered to samples, with where each part landed in time.
public struct RenderedSpeech: Sendable {
    public let sampleRate: Int
    public let samples: [Float]
    public let segments: [TimedSegment]
    public let items: [TimedItem]
    public var duration: Double { Double(samples.count) / Double(sampleRate) }
}

public struct TimedSegment: Sendable, Codable, Equatable {
    public var language: String
    public var text: String
    public var start: Double
    public var end: Double
}

public struct TimedItem: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case words, pause }
    public var kind: Kind
    public var text: String
    public var segment: Int
    public var start: Double
    public var end: Double
}
