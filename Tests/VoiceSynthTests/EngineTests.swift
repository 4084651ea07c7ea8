import Foundation
import Testing
import VoiceMedia
@testable import VoiceSynth

/// Finds runs of near-silence (|x| < threshold) at least `minimum` seconds long.
func silentRuns(_ s: [Float], rate: Int, threshold: Float = 0.003, minimum: Double = 0.1) -> [(start: Double, length: Double)] {
    var runs: [(Double, Double)] = []
    var start: Int?
    for (i, x) in s.enumerated() {
        if abs(x) < threshold {
            if start == nil { start = i }
        } else if let s0 = start {
            if Double(i - s0) / Double(rate) >= minimum { runs.append((Double(s0) / Double(rate), Double(i - s0) / Double(rate))) }
            start = nil
        }
    }
    return runs
}

@Suite struct EngineTests {
    static let digits = ["чотири", "вісім", "два", "один"]
    let codePlan = SpeechPlan(segments: [
        PlanSegment(language: "uk", items: [.words("Ваш код"), .pause(milliseconds: 300)]
            + digits.enumerated().flatMap { i, d in i == 0 ? [PlanItem.words(d)] : [.pause(milliseconds: 400), .words(d)] },
            text: "Ваш код 4821"),
    ])

    @Test func rerunsAreByteIdentical() async throws {
        let a = try await SpeechSynthesizer.shared.render(codePlan)
        let b = try await SpeechSynthesizer.shared.render(codePlan)
        #expect(a.sampleRate == 22050)
        #expect(a.duration > 1.5 && a.duration < 6, "\(a.duration)")
        #expect(a.samples.count == b.samples.count)
        #expect(a.samples.elementsEqual(b.samples), "reruns differ")
    }

    @Test func pausesBetweenCodeDigitsAreRealSilenceOfTheAskedLength() async throws {
        let speech = try await SpeechSynthesizer.shared.render(codePlan)
        let pauses = speech.items.filter { $0.kind == .pause }
        #expect(pauses.count == 4)
        // Measure in the samples, not in the timeline: every 400 ms pause must be found as silence.
        let runs = silentRuns(speech.samples, rate: speech.sampleRate, minimum: 0.25)
        for p in pauses.dropFirst() {
            let hit = runs.first { $0.start <= p.start + 0.05 && $0.start + $0.length >= p.end - 0.05 }
            #expect(hit != nil, "no silence at \(p.start)")
            if let hit { #expect(abs(hit.length - 0.4) <= 0.05 + 0.04, "silence of \(hit.length) s for a 400 ms pause") }
        }
    }

    @Test func segmentsKeepTheirOrderAndLanguage() async throws {
        let plan = SpeechPlan(segments: [
            PlanSegment(language: "uk", items: [.words("Ваш код")], text: "Ваш код"),
            PlanSegment(language: "en", items: [.words("Your code")], text: "Your code"),
            PlanSegment(language: "ru", items: [.words("Ваш код")], text: "Ваш код"),
        ])
        let speech = try await SpeechSynthesizer.shared.render(plan)
        #expect(speech.segments.map(\.language) == ["uk", "en", "ru"])
        for (a, b) in zip(speech.segments, speech.segments.dropFirst()) { #expect(a.end <= b.start) }
    }

    @Test func concurrentRendersNeitherCrashNorCorrupt() async throws {
        let reference = try await SpeechSynthesizer.shared.render(codePlan).samples
        let results = try await withThrowingTaskGroup(of: [Float].self) { group in
            for _ in 0..<12 { group.addTask { try await SpeechSynthesizer.shared.render(codePlan).samples } }
            return try await group.reduce(into: [[Float]]()) { $0.append($1) }
        }
        #expect(results.count == 12)
        #expect(results.allSatisfy { $0.elementsEqual(reference) })
    }

    @Test func unknownVoiceIsATypedError() async throws {
        let plan = SpeechPlan(segments: [PlanSegment(language: "xx", items: [.words("hello")])])
        await #expect(throws: SynthError.unknownVoice("zz-nope")) {
            try await SpeechSynthesizer.shared.render(plan, options: VoiceOptions(voices: ["xx": "zz-nope"]))
        }
    }

    @Test func renderedMessagePassesTheProfileAndIsDeterministic() async throws {
        let dir = NSTemporaryDirectory() + "voiceprep-synth-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let renderer = MessageRenderer(profile: .alphasmsVoice)
        let a = try await renderer.render(codePlan, to: dir + "/a.wav")
        _ = try await renderer.render(codePlan, to: dir + "/b.wav")
        #expect(Validator.validate(path: dir + "/a.wav", profile: .alphasmsVoice).ok)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/a.wav")) == Data(contentsOf: URL(fileURLWithPath: dir + "/b.wav")))
        #expect(a.items.first?.start ?? 1 < 0.3, "leading silence trimmed and timeline shifted")
    }

    @Test func tooLongMessageFailsBeforeWriting() async throws {
        var p = Profile.alphasmsVoice
        p.maxDuration = 2
        let dir = NSTemporaryDirectory() + "voiceprep-synth-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let long = SpeechPlan(segments: [PlanSegment(language: "en", items: [.words(String(repeating: "this message is much too long ", count: 6))])])
        do {
            _ = try await MessageRenderer(profile: p).render(long, to: dir + "/x.wav")
            Issue.record("expected tooLong")
        } catch let SynthError.tooLong(estimated, limit) {
            #expect(estimated > 2 && limit == 2)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }
}

@Suite struct ForkedSynthesisTests {
    /// Without the cache: two fresh renders of the same run in one process are identical,
    /// which is what the forked-child design exists for (espeak-ng alone drifts between calls).
    @Test func uncachedRendersAreIdentical() throws {
        let engine = EspeakEngine()
        try engine.start()
        let a = try engine.synthesiseUncached(text: "Ваш код чотири вісім", voice: "uk", rate: 160, pitch: 50, range: 50)
        let b = try engine.synthesiseUncached(text: "Ваш код чотири вісім", voice: "uk", rate: 160, pitch: 50, range: 50)
        #expect(a.count > 5000)
        #expect(a.elementsEqual(b))
    }
}
