import Foundation
import Testing

@Suite struct SpeechCommandTests {
    @Test func explainPrintsTheScriptWithoutRendering() async throws {
        let r = try await CLI.run(["say", "--explain", "Ваш код 4821. Your code is 4821."])
        #expect(r.status == 0)
        #expect(r.stdout.contains("[uk]") && r.stdout.contains("[en]"))
        #expect(r.stdout.contains("чотири [pause 400ms] вісім"))
    }

    @Test func sayWritesAProviderReadyFileAndWaveform() async throws {
        let dir = try CLI.tempDir()
        let r = try await CLI.run(["say", "--json", "-o", dir + "/m.wav", "--waveform", dir + "/m.svg", "Ваш код 4821. Your code is 4821."])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(r.jsonLines.first)
        let segments = obj["segments"] as? [[String: Any]] ?? []
        #expect(segments.compactMap { $0["language"] as? String } == ["uk", "en"])
        #expect(try await CLI.run(["validate", dir + "/m.wav"]).status == 0)
        let svg = try String(contentsOfFile: dir + "/m.svg", encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("[uk]") && svg.contains("400ms"))
        // Same text, same options: byte-identical.
        #expect(try await CLI.run(["say", "-o", dir + "/n.wav", "Ваш код 4821. Your code is 4821."]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/m.wav")) == Data(contentsOf: URL(fileURLWithPath: dir + "/n.wav")))
    }

    @Test func tooLongMessageFailsBeforeWriting() async throws {
        let dir = try CLI.tempDir()
        let r = try await CLI.run(["say", "--max-duration", "3", "-o", dir + "/x.wav", String(repeating: "Дякуємо, що обрали нас. ", count: 10)])
        #expect(r.status == 1)
        #expect(r.stderr.contains("3.0 s"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.wav"))
    }

    @Test func batchRendersEveryRowAndSurvivesBadOnes() async throws {
        let dir = try CLI.tempDir()
        let csv = dir + "/m.csv"
        try """
        id,text,lang
        a,"Ваш код 4821",
        ../../evil,"Your code is 1234",en
        empty,,
        bad-lang,"Привіт",xx
        a,"duplicate id",
        """.write(toFile: csv, atomically: true, encoding: .utf8)
        let r = try await CLI.run(["say", "--batch", csv, "--out-dir", dir + "/out", "--html", "--json"])
        #expect(r.status == 1)
        let rows = r.jsonLines
        #expect(rows.count == 5)
        #expect(rows.filter { $0["ok"] as? Bool == true }.count == 2)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted()
        #expect(files.contains("a.wav") && files.contains(".._.._evil.wav") == false && files.contains("__.._evil.wav") == false)
        #expect(files.allSatisfy { !$0.contains("/") })
        #expect(FileManager.default.fileExists(atPath: dir + "/out/index.html"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/evil.wav"))
    }

    @Test func langPrintsOneCodePerLine() async throws {
        let r = try await CLI.run(["lang"], stdin: "Дякуємо за замовлення\nСпасибо за заказ\nThank you\n\nВаш код 4821\n")
        #expect(r.status == 0)
        #expect(r.stdout == "uk\nru\nen\nuk\nuk\n")
        let j = try await CLI.run(["lang", "--json", "--default-lang", "ru"], stdin: "Ваш код 4821\n")
        #expect(j.jsonLines.first?["language"] as? String == "ru")
    }
}
