import Foundation

/// The outcome of validating one file against a profile.
public struct ValidationReport: Codable, Equatable, Sendable {
    public var file: String
    public var profile: String
    /// True when nothing in `problems` is an error: the provider should accept the file.
    public var ok: Bool
    /// Nil when the file could not be read as audio at all.
    public var format: AudioFormat?
    public var analysis: AudioAnalysis?
    public var problems: [Problem]

    public var errors: [Problem] { problems.filter { $0.severity == .error } }
    public var warnings: [Problem] { problems.filter { $0.severity == .warning } }
}

/// Checks a file against a profile and reports every problem, not just the first.
public enum Validator {
    static let blockFrames = 16_384

    public static func validate(path: String, profile: Profile) -> ValidationReport {
        check(path: path, profile: profile) { reader, problems in
            let analyzer = try Analyzer(channels: reader.format.channels, sampleRate: reader.format.sampleRate)
            var buffer = [Float]()
            var read: Int64 = 0
            while true {
                let n = reader.read(into: &buffer, frames: blockFrames)
                if n == 0 { break }
                buffer.withUnsafeBufferPointer { analyzer.add($0, frames: n) }
                read += Int64(n)
            }
            if read < reader.format.frames, !problems.contains(where: { $0.code == .invalidFileFormat }) {
                problems.append(Problem(.invalidFileFormat, .error,
                    "truncated: the header announces \(reader.format.frames) frames but only \(read) could be read"))
            }
            return analyzer.finish(silenceThreshold: profile.silenceThreshold)
        }
    }

    /// Validates a file the converter has just written, from the analysis of the exact
    /// samples it wrote: the header, container, codec, size and frame count are read from
    /// the file, the content checks use `written` instead of decoding the file again.
    static func validate(path: String, profile: Profile, written: AudioAnalysis, frames: Int) -> ValidationReport {
        check(path: path, profile: profile) { reader, problems in
            if reader.format.frames != Int64(frames) {
                problems.append(Problem(.invalidFileFormat, .error,
                    "the header announces \(reader.format.frames) frames but \(frames) were written"))
            }
            return written
        }
    }

    private static func check(path: String, profile: Profile,
                              content: (SndFileReader, inout [Problem]) throws -> AudioAnalysis) -> ValidationReport {
        var problems: [Problem] = []
        func report(_ format: AudioFormat?, _ analysis: AudioAnalysis?) -> ValidationReport {
            ValidationReport(file: path, profile: profile.name, ok: !problems.contains { $0.severity == .error },
                             format: format, analysis: analysis, problems: problems)
        }
        let reader: SndFileReader
        do {
            reader = try SndFileReader(path: path)
        } catch let error as MediaError {
            let reason: String
            if case let .unreadable(_, r) = error { reason = r } else { reason = error.description }
            problems.append(Problem(.invalidFileFormat, .error,
                "not readable as audio (\(reason)); the provider answers `Invalid file format`. Export it again as \(expected(profile)), or check that it really is an audio file"))
            return report(nil, nil)
        } catch {
            problems.append(Problem(.invalidFileFormat, .error, "not readable as audio (\(error))"))
            return report(nil, nil)
        }
        let format = reader.format
        if format.container == "wav" || format.container == "wavex",
           let damage = RiffCheck.damage(path: path, fileSize: format.fileSize) {
            problems.append(Problem(.invalidFileFormat, .error, "damaged WAV: \(damage); the provider would answer `Invalid file format`"))
        }
        checkFormat(format, profile, &problems)

        var analysis: AudioAnalysis?
        do {
            let a = try content(reader, &problems)
            analysis = a
            checkContent(a, format, profile, &problems)
        } catch {
            problems.append(Problem(.invalidFileFormat, .error, "cannot measure the audio: \(error)"))
        }
        checkDuration(format, profile, &problems)
        return report(format, analysis)
    }

    static func expected(_ p: Profile) -> String {
        "\(p.container.uppercased()) \(p.codec), \(p.sampleRate) Hz, \(p.channels == 1 ? "mono" : "\(p.channels) channels")"
    }

    private static func checkFormat(_ f: AudioFormat, _ p: Profile, _ problems: inout [Problem]) {
        let fix = "run `voiceprep convert --profile \(p.name)` to get \(expected(p))"
        var wrong: [String] = []
        if f.container == "wavex" && p.container == "wav" {
            wrong.append("WAVE_FORMAT_EXTENSIBLE header (needs plain WAV)")
        } else if f.container != p.container {
            problems.append(Problem(.invalidFileFormat, .error, "container is \(f.container.uppercased()), the profile accepts \(p.container.uppercased()) only (the provider answers `Invalid file format`); \(fix)"))
        }
        if f.codec != p.codec { wrong.append("sample format \(f.codec) (needs \(p.codec))") }
        if f.sampleRate != p.sampleRate { wrong.append("sample rate \(f.sampleRate) Hz (needs \(p.sampleRate) Hz)") }
        if f.channels != p.channels { wrong.append("\(f.channels) channels (needs \(p.channels))") }
        if !wrong.isEmpty {
            problems.append(Problem(.unsupportedAudioFormat, .error, "\(wrong.joined(separator: ", ")); the provider answers `Unsupported audio format`; \(fix)"))
        }
        if f.fileSize > p.maxSize {
            problems.append(Problem(.fileTooBig, .error, "file is \(Format.bytes(f.fileSize)), the profile allows at most \(Format.bytes(p.maxSize)) (`File is too big`); \(fix) (8 kHz mono 16-bit takes 15.6 KiB a second) or shorten the message"))
        }
    }

    private static func checkDuration(_ f: AudioFormat, _ p: Profile, _ problems: inout [Problem]) {
        let d = f.duration
        if d > p.maxDuration {
            problems.append(Problem(.invalidAudioDuration, .error, "lasts \(Format.seconds(d)), the profile allows \(Format.seconds(p.minDuration))–\(Format.seconds(p.maxDuration)) (`Invalid audio duration`); shorten the message (convert trims silence at the ends, which may be enough)"))
        } else if d < p.minDuration {
            problems.append(Problem(.invalidAudioDuration, .error, "lasts \(Format.seconds(d)), the profile needs at least \(Format.seconds(p.minDuration)) (`Invalid audio duration`); run `voiceprep convert`, which pads short messages with silence"))
        }
    }

    private static func checkContent(_ a: AudioAnalysis, _ f: AudioFormat, _ p: Profile, _ problems: inout [Problem]) {
        if a.nonFiniteSamples > 0 {
            problems.append(Problem(.nonFiniteSamples, .error, "\(a.nonFiniteSamples) samples are NaN or infinite (a corrupt float file); run `voiceprep convert`, which replaces them with silence, and listen to the result"))
        }
        guard a.audible else {
            problems.append(Problem(.silent, .error, "nothing audible: the loudest part is \(Format.db(a.peak, unit: "dBFS")), below the \(Format.db(p.silenceThreshold, unit: "dBFS")) silence threshold; check the recording"))
            return
        }
        if a.loudness < -45 {
            problems.append(Problem(.nearSilent, .warning, "nearly silent: \(Format.db(a.loudness, unit: "LUFS")) integrated; listeners will hardly hear it; run `voiceprep convert` to raise it to \(Format.db(p.loudness, unit: "LUFS")) (noise rises with it: a better recording is better)"))
        } else if abs(a.loudness - p.loudness) > p.loudnessTolerance {
            let how = a.loudness < p.loudness ? "quieter" : "louder"
            problems.append(Problem(.loudnessOffTarget, .warning, "loudness \(Format.db(a.loudness, unit: "LUFS")) is \(String(format: "%.1f", abs(a.loudness - p.loudness))) LU \(how) than the \(Format.db(p.loudness, unit: "LUFS")) target; run `voiceprep convert` to normalise it"))
        }
        if a.clippedRuns > 0 {
            let share = Double(a.clippedSamples) / Double(max(1, a.totalSamples)) * 100
            problems.append(Problem(.clipping, .warning, "clipped: \(a.clippedRuns) runs at full scale, \(a.clippedSamples) samples (\(String(format: "%.3f", share))%); the distortion is baked in — convert lowers the level but cannot undo it, re-record if it is audible"))
        }
        if a.truePeak.isFinite, a.truePeak > p.truePeak {
            problems.append(Problem(.truePeakOverCeiling, .warning, "true peak \(Format.db(a.truePeak, unit: "dBTP")) is over the \(Format.db(p.truePeak, unit: "dBTP")) ceiling; telephone codecs will distort it; run `voiceprep convert`, whose limiter holds the ceiling"))
        }
        if a.dcOffset > 0.01 {
            problems.append(Problem(.dcOffset, .warning, String(format: "DC offset of %.1f%% of full scale; it wastes headroom and clicks at the edges; run `voiceprep convert`, which removes it", a.dcOffset * 100)))
        }
        if a.leadingSilence > p.maxEdgeSilence {
            problems.append(Problem(.longLeadingSilence, .warning, "\(Format.seconds(a.leadingSilence)) of silence before speech starts (the profile allows \(Format.seconds(p.maxEdgeSilence))); the callee may hang up; run `voiceprep convert` to trim it"))
        }
        if a.trailingSilence > p.maxEdgeSilence {
            problems.append(Problem(.longTrailingSilence, .warning, "\(Format.seconds(a.trailingSilence)) of silence after speech ends (the profile allows \(Format.seconds(p.maxEdgeSilence))); run `voiceprep convert` to trim it"))
        }
    }
}
