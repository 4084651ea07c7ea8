import Foundation
import Testing
@testable import VoiceMedia

@Suite struct ProfileTests {
    @Test func builtInProfilesMatchTheDocumentedDefaults() throws {
        for name in ["alphasms-voice", "zvonobot-record"] {
            let p = try Profile.named(name)
            #expect(p.container == "wav")
            #expect(p.codec == "pcm_s16")
            #expect(p.sampleRate == 8000)
            #expect(p.channels == 1)
            #expect(p.minDuration == 1 && p.maxDuration == 120)
            #expect(p.maxSize == 2 * 1024 * 1024)
            #expect(p.loudness == -18 && p.truePeak == -1.5)
        }
        #expect(throws: ProfileError.self) { try Profile.named("nope") }
    }

    @Test func jsonAndTomlFilesOverrideFields() throws {
        let dir = try TestAudio.tempDir()
        let json = dir + "/p.json"
        try #"{"base": "zvonobot-record", "maxDuration": 60, "sampleRate": 16000}"#.write(toFile: json, atomically: true, encoding: .utf8)
        let a = try ProfileFile.load(path: json, over: .alphasmsVoice)
        #expect(a.name == "zvonobot-record" && a.maxDuration == 60 && a.sampleRate == 16000)
        let toml = dir + "/p.toml"
        try "# team limits\nmaxSize = 1_000_000\nloudness = -20.5\ntrimSilence = false\n".write(toFile: toml, atomically: true, encoding: .utf8)
        let b = try ProfileFile.load(path: toml, over: .alphasmsVoice)
        #expect(b.maxSize == 1_000_000 && b.loudness == -20.5 && !b.trimSilence)
    }

    @Test func badProfileFilesSayWhatIsWrong() throws {
        let dir = try TestAudio.tempDir()
        let unknown = dir + "/u.toml"
        try "maxDurration = 3\n".write(toFile: unknown, atomically: true, encoding: .utf8)
        #expect(throws: ProfileError.unknownField(path: unknown, field: "maxDurration")) { try ProfileFile.load(path: unknown, over: .alphasmsVoice) }
        let bad = dir + "/b.json"
        try #"{"sampleRate": 12.5}"#.write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(throws: ProfileError.self) { try ProfileFile.load(path: bad, over: .alphasmsVoice) }
        let nonsense = dir + "/n.json"
        try #"{"maxDuration": 0.5, "minDuration": 1}"#.write(toFile: nonsense, atomically: true, encoding: .utf8)
        do {
            _ = try ProfileFile.load(path: nonsense, over: .alphasmsVoice)
            Issue.record("expected an error")
        } catch let e as ProfileError {
            #expect(e.description.contains("maxDuration"))
        }
    }
}
