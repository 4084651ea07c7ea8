import Foundation
import VoiceMedia

/// One spoken message rendered into a provider-ready file, with its timeline.
public struct RenderedMessage: Sendable, Codable {
    public var file: String
    public var duration: Double
    public var segments: [TimedSegment]
    public var items: [TimedItem]
    public var conversion: ConversionResult
}

/// Speech → `VoiceMedia` converter → file that passes validation with the profile.
public struct MessageRenderer: Sendable {
    public var profile: Profile
    public var voice: VoiceOptions

    public init(profile: Profile, voice: VoiceOptions = .init()) {
        self.profile = profile
        self.voice = voice
    }

    /// A rough duration from the word count and the pauses, to refuse a message that
    /// cannot fit before spending time synthesising it.
    public func estimatedDuration(_ plan: SpeechPlan) -> Double {
        var seconds = 0.0
        for segment in plan.segments {
            for item in segment.items {
                switch item {
                case let .words(text): seconds += Double(text.split(separator: " ").count) * 60 / Double(max(1, voice.rate))
                case let .pause(ms): seconds += Double(ms) / 1000
                }
            }
        }
        return seconds
    }

    public func render(_ plan: SpeechPlan, to output: String, synthesizer: SpeechSynthesizer = .shared) async throws -> RenderedMessage {
        let estimate = estimatedDuration(plan)
        // Word-count estimates are off by up to a third; only refuse what clearly cannot fit.
        if estimate > profile.maxDuration * 1.4 { throw SynthError.tooLong(estimated: estimate, limit: profile.maxDuration) }
        let speech = try await synthesizer.render(plan, options: voice)
        let kept = speech.duration
        if kept > profile.maxDuration + 2 * profile.silencePad {
            throw SynthError.tooLong(estimated: kept, limit: profile.maxDuration)
        }
        let profile = self.profile
        let result = try await BlockingWork.run {
            try Converter(profile: profile).convert(samples: speech.samples, sampleRate: speech.sampleRate, label: output, output: output)
        }
        let shift = result.trimmedStart
        func moved(_ t: Double) -> Double { max(0, t - shift) }
        return RenderedMessage(
            file: output, duration: result.outputFormat.duration,
            segments: speech.segments.map { TimedSegment(language: $0.language, text: $0.text, start: moved($0.start), end: moved($0.end)) },
            items: speech.items.map { TimedItem(kind: $0.kind, text: $0.text, segment: $0.segment, start: moved($0.start), end: moved($0.end)) },
            conversion: result)
    }
}
