import ArgumentParser
import Foundation
import VoiceMedia

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check audio files against a provider profile and report every problem.",
        discussion: "Exit code 0 when every file is acceptable, 1 when any is not, 2 for usage errors.")

    @OptionGroup var profileOptions: ProfileOptions
    @Flag(help: "One JSON object per file: file, ok, format, analysis, problems[{code, severity, message}].")
    var json = false
    @Flag(name: .customLong("strict"), help: "Treat warnings as failures for the exit code.")
    var strict = false
    @Argument(help: "Audio files or directories.") var inputs: [String]

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one audio file or directory") }
    }

    func run() throws {
        let profile = try profileOptions.resolve()
        let files = try InputFiles.expand(inputs)
        if files.isEmpty { throw UsageError("no audio files found in \(inputs.joined(separator: ", "))") }
        var failed = 0
        for file in files {
            let report = Validator.validate(path: file.path, profile: profile)
            let accepted = report.ok && !(strict && !report.warnings.isEmpty)
            if !accepted { failed += 1 }
            if json { Terminal.json(report) } else { print(Self.describe(report)) }
        }
        if !json, files.count > 1 {
            print(failed == 0 ? "All \(files.count) files are acceptable for \(profile.name)."
                              : "\(failed) of \(files.count) files are not acceptable for \(profile.name).")
        }
        if failed > 0 { throw ExitCode(1) }
    }

    static func describe(_ r: ValidationReport) -> String {
        let verdict = r.ok
            ? Terminal.paint(r.warnings.isEmpty ? "OK" : "OK with warnings", "32")
            : Terminal.paint("NOT ACCEPTED", "31;1")
        var lines = ["\(r.file): \(verdict) (\(r.profile))"]
        if let f = r.format {
            var facts = f.summary
            if let a = r.analysis {
                facts += " · loudness \(Format.db(a.loudness, unit: "LUFS")) · peak \(Format.db(a.peak, unit: "dBFS")) · true peak \(Format.db(a.truePeak, unit: "dBTP"))"
            }
            lines.append("  " + facts)
        }
        for p in r.problems {
            let tag = p.severity == .error ? Terminal.paint("error  ", "31") : Terminal.paint("warning", "33")
            lines.append("  \(tag) \(p.code.rawValue): \(p.message)")
        }
        return lines.joined(separator: "\n")
    }
}
