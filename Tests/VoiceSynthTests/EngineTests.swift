import Foundation
import Testing
@testable import VoiceSynth

@Suite(.serialized) struct EngineTests {
    let codePlan = SpeechPlan(segments: [
        PlanSegment(language: "uk", items: [
            .words("Ваш код"), .pause(milliseconds: 300),
            .words("чотири"), .pause(milliseconds: 400), .words("вісім"), .pause(milliseconds: 400),
            .words("два"), .pause(milliseconds: 400), .words("один"),
        ], text: "Ваш код 4821"),
    ])

    @Test func rendersAndRerunsAreIdentical() async throws {
        var runs: [[Float]] = []
        for _ in 0..<4 { runs.append(try await SpeechSynthesizer.shared.render(codePlan).samples) }
        for (i, r) in runs.enumerated() {
            let diff = zip(r, runs[0]).filter { $0 != $1 }.count
            print("run \(i): count \(r.count) diffs vs 0: \(diff) first diff at \(zip(r, runs[0]).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? -1)")
        }
        #expect(runs[1] == runs[2], "reruns differ")
    }
}
