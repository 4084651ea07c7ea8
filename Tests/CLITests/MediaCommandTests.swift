import Foundation
import Testing

@Suite struct MediaCommandTests {
    @Test func validateSamplesReportsEachProblemClass() async throws {
        let r = try await CLI.run(["validate", "--json", CLI.samples])
        #expect(r.status == 1)
        let reports = Dictionary(uniqueKeysWithValues: r.jsonLines.compactMap { obj -> (String, [String: Any])? in
            guard let file = obj["file"] as? String else { return nil }
            return ((file as NSString).lastPathComponent, obj)
        })
        #expect(reports.count == 12)
        func codes(_ name: String) -> Set<String> {
            Set((reports[name]?["problems"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
        }
        #expect(reports["provider-ready.wav"]?["ok"] as? Bool == true)
        #expect(codes("not-audio.wav") == ["invalid_file_format"])
        #expect(codes("too-long.ogg").contains("invalid_audio_duration"))
        #expect(codes("message.flac").contains("invalid_file_format"))
        #expect(codes("stereo-44k1.wav").contains("unsupported_audio_format"))
        #expect(codes("ulaw-8k.wav").contains("unsupported_audio_format"))
        #expect(codes("clipped.wav").contains("clipping"))
        #expect(codes("too-quiet.wav").contains("near_silent"))
        #expect(codes("leading-silence.wav").isSuperset(of: ["long_leading_silence", "dc_offset"]))
        let format = reports["stereo-44k1.wav"]?["format"] as? [String: Any]
        #expect(format?["sampleRate"] as? Int == 44100)
        #expect(format?["channels"] as? Int == 2)
    }

    @Test func validateExitCodes() async throws {
        #expect(try await CLI.run(["validate", CLI.samples + "/provider-ready.wav"]).status == 0)
        #expect(try await CLI.run(["validate", CLI.samples + "/clipped.wav"]).status == 1)
        let unknownProfile = try await CLI.run(["validate", "--profile", "nope", CLI.samples + "/clipped.wav"])
        #expect(unknownProfile.status == 2)
        #expect(unknownProfile.stderr.contains("unknown profile 'nope'"))
        #expect(try await CLI.run(["validate", "--bogus-flag", "x.wav"]).status == 2)
        #expect(try await CLI.run(["validate", "/no/such/file.wav"]).status == 2)
    }

    @Test func convertSamplesThenEveryOutputValidates() async throws {
        let out = try CLI.tempDir() + "/out"
        let r = try await CLI.run(["convert", "--json", "--out-dir", out, CLI.samples])
        #expect(r.status == 1, "two samples are broken on purpose")
        let lines = r.jsonLines
        #expect(lines.count == 12)
        let failed = Set(lines.filter { $0["ok"] as? Bool == false }.compactMap { ($0["input"] as? String).map { ($0 as NSString).lastPathComponent } })
        #expect(failed == ["not-audio.wav", "too-long.ogg"])
        let v = try await CLI.run(["validate", "--json", out])
        #expect(v.status == 0, "\(v.stdout)")
        #expect(v.jsonLines.count == 10)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func convertMirrorsDirectoryTreesAndNeverOverwritesInputs() async throws {
        let dir = try CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir + "/in/sub", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.samples + "/stereo-44k1.wav", toPath: dir + "/in/sub/a.wav")
        try FileManager.default.copyItem(atPath: CLI.samples + "/message.flac", toPath: dir + "/in/a.flac")
        let r = try await CLI.run(["convert", "--out-dir", dir + "/out", dir + "/in"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/out/sub/a.wav"))
        #expect(FileManager.default.fileExists(atPath: dir + "/out/a.wav"))
        // Converting a directory into itself would overwrite sub/a.wav: refused, input intact.
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/in/sub/a.wav"))
        let again = try await CLI.run(["convert", "--json", "--out-dir", dir + "/in", dir + "/in"])
        #expect(again.status == 1)
        #expect(again.stdout.contains("output_conflict"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/in/sub/a.wav")) == before)
        let same = try await CLI.run(["convert", "-o", dir + "/in/sub/a.wav", dir + "/in/sub/a.wav"])
        #expect(same.status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/in/sub/a.wav")) == before)
    }

    @Test func convertIsDeterministicAcrossRuns() async throws {
        let dir = try CLI.tempDir()
        for name in ["a", "b"] {
            #expect(try await CLI.run(["convert", "-o", "\(dir)/\(name).wav", CLI.samples + "/studio-48k-24bit.wav"]).status == 0)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/a.wav")) == Data(contentsOf: URL(fileURLWithPath: dir + "/b.wav")))
    }

    @Test func convertUsageErrors() async throws {
        let dir = try CLI.tempDir()
        #expect(try await CLI.run(["convert", CLI.samples + "/clipped.wav"]).status == 2)
        #expect(try await CLI.run(["convert", "-o", dir + "/x.wav", "--out-dir", dir, CLI.samples + "/clipped.wav"]).status == 2)
        let many = try await CLI.run(["convert", "-o", dir + "/x.wav", CLI.samples])
        #expect(many.status == 2)
        #expect(many.stderr.contains("--out-dir"))
    }

    @Test func overridesChangeTheVerdict() async throws {
        let tight = try await CLI.run(["validate", "--json", "--max-duration", "3", CLI.samples + "/provider-ready.wav"])
        #expect(tight.status == 1)
        #expect(tight.stdout.contains("invalid_audio_duration"))
        let dir = try CLI.tempDir()
        try "base = \"zvonobot-record\"\nsampleRate = 16000\n".write(toFile: dir + "/p.toml", atomically: true, encoding: .utf8)
        let r = try await CLI.run(["convert", "--json", "--profile-file", dir + "/p.toml", "-o", dir + "/o.wav", CLI.samples + "/clipped.wav"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"sampleRate\":16000"))
    }

    @Test func profilesListsBothBuiltIns() async throws {
        let r = try await CLI.run(["profiles", "--json"])
        #expect(r.status == 0)
        #expect(Set(r.jsonLines.compactMap { $0["name"] as? String }) == ["alphasms-voice", "zvonobot-record"])
    }
}
