import Foundation
import VoiceMedia
import VoiceText

/// The one owner of espeak-ng in this process. espeak-ng crashes when two threads
/// synthesise at once, so this process never synthesises at all: the actor initialises
/// the engine once, and every utterance runs in a single-threaded process forked from
/// its voice's zygote (see `EspeakEngine` and `Zygote`). Concurrent `render` calls therefore run in parallel, each in
/// its own process, and cannot corrupt each other by construction.
public actor SpeechSynthesizer {
    public static let shared = SpeechSynthesizer()

    private nonisolated let engine = EspeakEngine()

    private func started() throws -> Int {
        try engine.start()
        return engine.sampleRate
    }
    /// Samples quieter than this (int16) at a chunk's edges are espeak's own padding.
    static let edgeThreshold: Int16 = 64
    /// Kept around each word run so consonants are not clipped.
    static let edgeMargin = 0.015
    /// Inserted where two word runs meet with no pause between them, and between segments.
    static let joinGap = 0.06
    static let segmentGap = 0.25

    private init() {}

    /// Renders every word run separately and places the pauses as exact silence, so a
    /// 400 ms pause between code digits is 400 ms (espeak's own SSML breaks drift and
    /// `say-as characters` leaves no gap at all). Every run starts from the same engine
    /// state (see `EspeakEngine.synthesise`), so reruns are byte-identical.
    public nonisolated func render(_ plan: SpeechPlan, options: VoiceOptions = .init()) async throws -> RenderedSpeech {
        let rate = try await started()
        let engine = self.engine
        return try await BlockingWork.run { try Self.render(plan, options: options, engine: engine, rate: rate) }
    }

    private static func render(_ plan: SpeechPlan, options: VoiceOptions, engine: EspeakEngine, rate: Int) throws -> RenderedSpeech {
        var out: [Float] = []
        var segments: [TimedSegment] = []
        var items: [TimedItem] = []
        func now() -> Double { Double(out.count) / Double(rate) }
        func silence(_ seconds: Double) { out.append(contentsOf: repeatElement(0, count: Int((seconds * Double(rate)).rounded()))) }

        for (index, segment) in plan.segments.enumerated() {
            if index > 0, case .words = items.last?.kind { silence(segmentGap) }
            let start = now()
            let voice = options.voiceName(for: segment.language)
            var lastWasWords = false
            for item in segment.items {
                switch item {
                case let .words(text):
                    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    guard !trimmed.isEmpty else { continue }
                    if lastWasWords { silence(joinGap) }
                    let pcm = try engine.synthesise(text: trimmed, voice: voice,
                                                    rate: options.rate, pitch: options.pitch, range: options.pitchRange)
                    let t0 = now()
                    appendTrimmed(pcm, sampleRate: rate, to: &out)
                    items.append(TimedItem(kind: .words, text: trimmed, segment: index, start: t0, end: now()))
                    lastWasWords = true
                case let .pause(ms):
                    guard ms > 0 else { continue }
                    let t0 = now()
                    silence(Double(ms) / 1000)
                    items.append(TimedItem(kind: .pause, text: "\(ms)ms", segment: index, start: t0, end: now()))
                    lastWasWords = false
                }
            }
            segments.append(TimedSegment(language: segment.language, text: segment.text, start: start, end: now()))
        }
        guard items.contains(where: { $0.kind == .words }) else { throw SynthError.emptyMessage }
        return RenderedSpeech(sampleRate: rate, samples: out, segments: segments, items: items)
    }

    static func appendTrimmed(_ pcm: [Int16], sampleRate: Int, to out: inout [Float]) {
        guard let first = pcm.firstIndex(where: { abs(Int32($0)) > Int32(edgeThreshold) }),
              let last = pcm.lastIndex(where: { abs(Int32($0)) > Int32(edgeThreshold) }) else { return }
        let margin = Int(edgeMargin * Double(sampleRate))
        let lo = max(0, first - margin), hi = min(pcm.count, last + 1 + margin)
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: hi - lo))
        // 1/32768 is exact, so this equals dividing; a loop over raw buffers vectorises.
        out.withUnsafeMutableBufferPointer { o in
            pcm.withUnsafeBufferPointer { p in
                for i in 0..<(hi - lo) { o[start + i] = Float(p[lo + i]) * (1 / 32768) }
            }
        }
    }

}
