import Foundation
import Testing
@testable import VoiceText

@Suite struct SpeechScriptTests {
    @Test func explainedShowsLanguageWordsAndPauses() {
        let s = Normalizer().script(for: "Ваш код 481. Your code is 481.")
        let text = s.explained()
        #expect(text.contains("[uk] Ваш код [pause 300ms] чотири [pause 400ms] вісім [pause 400ms] один"))
        #expect(text.contains("[en] Your code is"))
        #expect(text.split(separator: "\n").count == 2)
    }

    @Test func ssmlHasExplicitBreaksEscapedWordsAndNoSayAs() {
        let seg = SpeechSegment(language: .en, items: [.words("Tom & \"Jerry\" <3>"), .pause(milliseconds: 400), .words("one")], sourceText: "")
        let ssml = SSML.render(seg)
        #expect(ssml.hasPrefix("<speak"))
        #expect(ssml.hasSuffix("</speak>"))
        #expect(ssml.contains("Tom &amp; &quot;Jerry&quot; &lt;3&gt;"))
        #expect(ssml.contains("<break time=\"400ms\"/>"))
        #expect(!ssml.contains("say-as"))
        let code = Normalizer().script(for: "Ваш код 481").segments[0]
        #expect(SSML.render(code).components(separatedBy: "<break time=\"400ms\"/>").count == 3)
    }

    @Test func scriptRoundTripsThroughJSON() throws {
        let s = Normalizer(options: NormalizerOptions(repeatCodes: true)).script(for: "Код 12. Code 12.")
        let data = try JSONEncoder().encode(s)
        #expect(try JSONDecoder().decode(SpeechScript.self, from: data) == s)
    }
}
