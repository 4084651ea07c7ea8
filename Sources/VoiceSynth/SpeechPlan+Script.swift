import VoiceText

extension SpeechScript {
    /// The synthesis stage's view of the text stage's script.
    public var plan: SpeechPlan {
        SpeechPlan(segments: segments.map { seg in
            PlanSegment(language: seg.language.rawValue, items: seg.items.map {
                switch $0 {
                case let .words(w): return PlanItem.words(w)
                case let .pause(ms): return PlanItem.pause(milliseconds: ms)
                }
            }, text: seg.sourceText)
        })
    }
}
