import ArgumentParser
import Foundation
import VoiceMedia

struct ConvertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert audio into the profile's accepted form (mono, resampled, loudness-normalised, trimmed, dithered).",
        discussion: """
        Inputs are files or directories (walked recursively; the tree is mirrored under --out-dir). \
        Outputs are written to a temporary file and renamed when complete and valid; inputs are never overwritten. \
        Exit code 0 when every input converted, 1 when any failed, 2 for usage errors.
        """)

    @OptionGroup var profileOptions: ProfileOptions
    @Option(name: .shortAndLong, help: "Output file (one input only).") var output: String?
    @Option(name: .customLong("out-dir"), help: "Output directory; names follow the inputs with the profile's extension.") var outDir: String?
    @Option(name: .shortAndLong, help: "Files converted at once (default: number of cores).") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "One JSON object per input: input, ok, output, result or error.") var json = false
    @Argument(help: "Audio files or directories.") var inputs: [String]

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one audio file or directory") }
        if (output == nil) == (outDir == nil) { throw ValidationError("give exactly one of -o FILE or --out-dir DIR") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    struct Outcome: Encodable, Sendable {
        var input: String
        var ok: Bool
        var output: String?
        var result: ConversionResult?
        var error: ErrorInfo?
    }

    struct ErrorInfo: Encodable, Sendable {
        var code: String
        var message: String
    }

    func run() async throws {
        let profile = try profileOptions.resolve()
        let files = try InputFiles.expand(inputs)
        if files.isEmpty { throw UsageError("no audio files found in \(inputs.joined(separator: ", "))") }
        let plan = try OutputPlan(files: files, output: output, outDir: outDir, ext: profile.container)
        let converter = Converter(profile: profile)
        let bar = ProgressBar(total: files.count, label: "converting")
        let work = Array(zip(files, plan.targets))
        let done = await boundedMap(work, width: jobs) { file, target in
            let outcome = Self.convertOne(converter, file: file, target: target)
            bar.advance(file.relative)
            return outcome
        }
        bar.finish()
        for o in done {
            if json { Terminal.json(o) } else { print(Self.describe(o)) }
        }
        let failed = done.filter { !$0.ok }.count
        if !json {
            let where_ = outDir ?? output ?? ""
            let audio = done.compactMap { $0.result?.outputFormat.duration }.reduce(0, +)
            print(failed == 0 ? "Converted \(done.count) file\(done.count == 1 ? "" : "s") for \(profile.name) into \(where_) (\(Format.seconds(audio)) of audio)."
                              : "Converted \(done.count - failed) of \(done.count) files for \(profile.name) into \(where_) (\(Format.seconds(audio)) of audio); \(failed) failed.")
        }
        if failed > 0 { throw ExitCode(1) }
    }

    static func convertOne(_ converter: Converter, file: InputFile, target: OutputPlan.Target) -> Outcome {
        switch target {
        case let .conflict(message):
            return Outcome(input: file.path, ok: false, error: ErrorInfo(code: "output_conflict", message: message))
        case let .path(out):
            do {
                let r = try converter.convert(input: file.path, output: out)
                return Outcome(input: file.path, ok: true, output: out, result: r)
            } catch let e as MediaError {
                return Outcome(input: file.path, ok: false, output: nil, error: ErrorInfo(code: e.code, message: e.description))
            } catch {
                return Outcome(input: file.path, ok: false, output: nil, error: ErrorInfo(code: "internal_error", message: "\(file.path): \(error)"))
            }
        }
    }

    static func describe(_ o: Outcome) -> String {
        guard let r = o.result, let out = o.output else {
            return Terminal.paint("✗ ", "31") + (o.error?.message ?? "\(o.input): failed")
        }
        var facts = [Format.seconds(r.outputFormat.duration), Format.bytes(r.outputFormat.fileSize)]
        if let l = r.loudnessAfter { facts.append(Format.db(l, unit: "LUFS")) }
        if let tp = r.truePeakAfter { facts.append("TP " + Format.db(tp, unit: "dBTP")) }
        facts.append(String(format: "gain %+.1f dB", r.gain))
        if r.trimmedStart + r.trimmedEnd >= 0.01 { facts.append(String(format: "trimmed %.2f s", r.trimmedStart + r.trimmedEnd)) }
        if r.padded > 0 { facts.append(String(format: "padded %.2f s", r.padded)) }
        if r.repairedSamples > 0 { facts.append("\(r.repairedSamples) NaN/Inf samples silenced") }
        var line = Terminal.paint("✓ ", "32") + "\(o.input) → \(out)  (\(facts.joined(separator: ", ")))"
        for w in r.warnings { line += "\n    " + Terminal.paint("warning", "33") + " \(w.code.rawValue): \(w.message)" }
        return line
    }
}

/// Decides every output path before any work starts, so collisions and attempts to
/// overwrite an input are reported up front instead of clobbering files mid-batch.
struct OutputPlan {
    enum Target: Sendable {
        case path(String)
        case conflict(String)
    }

    let targets: [Target]

    /// Every input by standardised path and by (device, inode), computed once: checking each
    /// output against each input with fresh path lookups was quadratic in system calls.
    private struct Inputs {
        var byPath: [String: String] = [:]
        var byInode: [FileID: String] = [:]

        init(_ files: [InputFile]) {
            for f in files {
                byPath[(f.path as NSString).standardizingPath] = f.path
                if let id = FileID(f.path) { byInode[id] = f.path }
            }
        }

        func input(at path: String) -> String? {
            if let hit = byPath[(path as NSString).standardizingPath] { return hit }
            return FileID(path).flatMap { byInode[$0] }
        }
    }

    private struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64

        init?(_ path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
        }
    }

    init(files: [InputFile], output: String?, outDir: String?, ext: String) throws {
        let inputs = Inputs(files)
        if let output {
            guard files.count == 1 else {
                throw UsageError("-o names one output file but \(files.count) inputs were given; use --out-dir DIR")
            }
            targets = [Self.check(output, input: files[0].path, inputs: inputs)]
            return
        }
        let dir = outDir ?? "."
        var seen: [String: String] = [:]
        var out: [Target] = []
        for file in files {
            let rel = ((file.relative as NSString).deletingPathExtension as NSString).appendingPathExtension(ext) ?? file.relative
            let path = (dir as NSString).appendingPathComponent(rel)
            let key = (path as NSString).standardizingPath
            if let other = seen[key] {
                out.append(.conflict("\(file.path): output \(path) would also be written from \(other); rename one of them"))
                continue
            }
            seen[key] = file.path
            out.append(Self.check(path, input: file.path, inputs: inputs))
        }
        targets = out
    }

    private static func check(_ path: String, input: String, inputs: Inputs) -> Target {
        if let existing = inputs.input(at: path) {
            return .conflict("\(input): output \(path) is an input file (\(existing)); inputs are never overwritten, choose another -o or --out-dir")
        }
        return .path(path)
    }
}
