import ArgumentParser
import Foundation
import VoiceMedia
import VoiceSynth
import VoiceText

/// `say --batch`: every CSV row rendered into DIR/<id>.wav, all cores busy (each
/// utterance is synthesised in its own forked process), one bad row never stopping the rest.
struct BatchSay {
    let csv: String
    let outDir: String
    let jobs: Int
    let html: Bool
    let json: Bool
    let text: TextOptions
    let voice: VoiceOptions
    let profile: Profile

    struct RowResult: Encodable, Sendable {
        var id: String
        var line: Int
        var ok: Bool
        var file: String?
        var duration: Double?
        var segments: [TimedSegment]?
        var error: String?
        var text: String
        var spoken: String?
    }

    struct Job: Sendable {
        var id: String
        var line: Int
        var text: String
        var lang: String?
        var profile: Profile
        var output: String
        var problem: String?
    }

    func run() async throws {
        let table = try CSVTable(path: csv)
        try table.require(["id", "text"], in: csv)
        try text.validated()
        var seen: [String: Int] = [:]
        var jobsList: [Job] = []
        for row in table.rows {
            let rawID = row["id"] ?? ""
            let name = SafeName.from(rawID)
            var job = Job(id: rawID, line: row.line, text: row["text"] ?? "", lang: row["lang"], profile: profile,
                          output: (outDir as NSString).appendingPathComponent(name + ".wav"))
            if rawID.isEmpty { job.problem = "line \(row.line): empty id" }
            else if let other = seen[name] { job.problem = "line \(row.line): id '\(rawID)' gives the same file name as line \(other)" }
            else if job.text.isEmpty { job.problem = "line \(row.line): empty text" }
            if let lang = job.lang, !["auto", "uk", "ru", "en"].contains(lang.lowercased()) {
                job.problem = "line \(row.line): lang '\(lang)' is not auto, uk, ru or en"
            }
            if let name = row["profile"] {
                do { job.profile = try Profile.named(name) } catch { job.problem = "line \(row.line): \(error)" }
            }
            seen[name] = seen[name] ?? row.line
            jobsList.append(job)
        }
        if jobsList.isEmpty { throw UsageError("\(csv): no rows under the header") }
        let bar = ProgressBar(total: jobsList.count, label: "rendering")
        let text = self.text, voice = self.voice, html = self.html
        let done = await boundedMap(jobsList, width: jobs) { job in
            let r = await Self.render(job, text: text, voice: voice, waveform: html)
            bar.advance(job.id)
            return r
        }
        bar.finish()
        for r in done {
            if json { Terminal.json(r); continue }
            if r.ok, let file = r.file, let d = r.duration {
                print("✓ \(r.id) → \(file)  (\(Format.seconds(d)))")
            } else {
                print(Terminal.paint("✗ ", "31") + "\(r.id): \(r.error ?? "failed")")
            }
        }
        if html { try writePage(done) }
        let failed = done.filter { !$0.ok }.count
        if !json {
            print(failed == 0 ? "Rendered \(done.count) messages into \(outDir)." : "Rendered \(done.count - failed) of \(done.count) messages into \(outDir); \(failed) failed.")
            if html { print("Preview: \((outDir as NSString).appendingPathComponent("index.html"))") }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    static func render(_ job: Job, text: TextOptions, voice: VoiceOptions, waveform: Bool) async -> RowResult {
        var r = RowResult(id: job.id, line: job.line, ok: false, text: job.text)
        if let problem = job.problem { r.error = problem; return r }
        let script = text.normalizer(language: job.lang?.lowercased()).script(for: job.text)
        r.spoken = script.explained()
        do {
            let result = try await MessageRenderer(profile: job.profile, voice: voice).render(script.plan, to: job.output)
            r.ok = true
            r.file = job.output
            r.duration = result.duration
            r.segments = result.segments
            if waveform {
                try? Preview.writeWaveform(result, to: (job.output as NSString).deletingPathExtension + ".svg")
            }
        } catch {
            r.error = "line \(job.line): \(error)"
        }
        return r
    }

    func writePage(_ results: [RowResult]) throws {
        let entries = results.map { r in
            BatchPage.Entry(id: r.id, text: r.text, spoken: r.spoken ?? "",
                            audioFile: r.file.map { ($0 as NSString).lastPathComponent },
                            svgFile: r.file.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension + ".svg" },
                            error: r.error)
        }
        try AtomicText.write(BatchPage.render(title: "voiceprep say — \((csv as NSString).lastPathComponent)", entries: entries),
                             to: (outDir as NSString).appendingPathComponent("index.html"))
    }
}
