/// The speech script: plain data the synthesis stage renders. Segments carry a
/// language; items are words to speak (never digits) and exact pauses.
public struct SpeechScript: Sendable, Equatable, Codable {
    public var segments: [SpeechSegment]
    public init(segments: [SpeechSegment]) { self.segments = segments }
}

public struct SpeechSegment: Sendable, Equatable, Codable {
    public var language: Language
    public var items: [SpeechItem]
    public var sourceText: String
    public init(language: Language, items: [SpeechItem], sourceText: String) {
        self.language = language
        self.items = items
        self.sourceText = sourceText
    }

    /// Everything to be spoken, pauses left out.
    public var words: String {
        items.compactMap { if case let .words(w) = $0 { return w } else { return nil } }.joined(separator: " ")
    }
}

public enum SpeechItem: Sendable, Equatable, Codable {
    case words(String)
    case pause(milliseconds: Int)
}

extension SpeechScript {
    /// The review form: one block per segment, pauses inline as `[pause 400ms]`.
    public func explained() -> String {
        segments.enumerated().map { i, seg in
            let body = seg.items.map { item -> String in
                switch item {
                case let .words(w): return w
                case let .pause(ms): return "[pause \(ms)ms]"
                }
            }.joined(separator: " ")
            return "\(i + 1). [\(seg.language.rawValue)] \(body)"
        }.joined(separator: "\n")
    }
}
