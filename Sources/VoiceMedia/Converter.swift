import Foundation

/// Turns any audio into a file that passes validation with `profile`:
/// decode → downmix → libsoxr → DC removal → trim → measured loudness gain with a
/// true-peak limiter → TPDF dither → encode, written atomically.
public struct Converter: Sendable {
    public let profile: Profile
    /// Streaming passes over at least this many samples run on two threads (see `BlockPipeline`).
    let parallelAbove: Int

    public init(profile: Profile) {
        self.init(profile: profile, parallelAbove: BlockPipeline.threshold)
    }

    init(profile: Profile, parallelAbove: Int) {
        self.profile = profile
        self.parallelAbove = parallelAbove
    }

    /// Converts the file at `input` into `output`. Never writes over the input.
    public func convert(input: String, output: String) throws -> ConversionResult {
        if AtomicOutput.sameFile(input, output) { throw MediaError.wouldOverwriteInput(path: output) }
        let reader = try SndFileReader(path: input)
        if reader.format.container == "wav" || reader.format.container == "wavex",
           let damage = RiffCheck.damage(path: input, fileSize: reader.format.fileSize),
           damage.hasPrefix("truncated") && reader.format.frames == 0 {
            throw MediaError.unreadable(path: input, reason: damage)
        }
        return try run(source: reader, label: input, inputFormat: reader.format, output: output)
    }

    /// Converts interleaved float samples held in memory (a synthesiser's output).
    public func convert(samples: [Float], sampleRate: Int, channels: Int = 1, label: String, output: String) throws -> ConversionResult {
        guard sampleRate > 0, channels > 0 else { throw MediaError.engine("invalid in-memory signal: \(channels) channels at \(sampleRate) Hz") }
        let source = MemorySource(samples: samples, sampleRate: sampleRate, channels: channels)
        return try run(source: source, label: label, inputFormat: nil, output: output)
    }

    private func run(source: SignalSource, label: String, inputFormat: AudioFormat?, output: String) throws -> ConversionResult {
        let p = profile
        let prepared = try Preparation.run(source: source, outputRate: p.sampleRate, parallelAbove: parallelAbove)
        let spool = prepared.spool
        let rate = Double(p.sampleRate)

        let edges = SilenceEdges(framePower: prepared.framePower, threshold: p.silenceThreshold)
        guard let audible = edges.audible else { throw MediaError.silent(path: label) }
        var range = 0..<spool.count
        if p.trimSilence {
            let pad = Int(p.silencePad * rate)
            let frame = prepared.frameLength
            range = max(0, audible.lowerBound * frame - pad)..<min(spool.count, audible.upperBound * frame + pad)
        }
        let seconds = Double(range.count) / rate
        if seconds > p.maxDuration { throw MediaError.tooLong(path: label, seconds: seconds, limit: p.maxDuration) }
        let total = max(range.count, Int((p.minDuration * rate).rounded(.up)))
        if let bits = SndFormat.bits(codec: p.codec), SndFormat.isLinear(p.codec) {
            let bytes = 44 + total * p.channels * bits / 8
            if bytes > p.maxSize { throw MediaError.tooBig(path: label, bytes: bytes, limit: p.maxSize) }
        }

        let renderer = Renderer(spool: spool, range: range, total: total, sampleRate: p.sampleRate, parallel: total >= parallelAbove)
        var steering = LevelSteering(profile: p, loudness: prepared.loudness, truePeak: prepared.truePeak, samplePeak: prepared.samplePeak)
        // The limiter's loss of loudness is predicted from the prepared signal's windows;
        // the written file is measured anyway and shows whether the prediction held.
        steering.aim(LimiterModel(windows: prepared.windows, sampleRate: p.sampleRate))

        let out = try AtomicOutput(destination: output)
        do {
            // The written samples are measured anyway (validation), so the levels steering
            // aimed at are checked there. A miss is corrected and written again; a second
            // miss is settled by measuring passes first.
            var check = try write(renderer, levels: steering.levels, to: out.temporary)
            for attempt in 0..<3 {
                guard let a = check.analysis, !steering.verified else { break }
                steering.observe((a.loudness, a.truePeak), written: true)
                if steering.verified { break }
                for _ in 0..<8 where attempt > 0 && !steering.verified {
                    try steering.observe(renderer.measure(gain: steering.levels.gain, ceiling: steering.levels.ceiling))
                }
                check = try write(renderer, levels: steering.levels, to: out.temporary)
            }
            let levels = steering.levels
            let errors = check.errors
            if !errors.isEmpty {
                if let size = check.format?.fileSize, size > p.maxSize { throw MediaError.tooBig(path: label, bytes: size, limit: p.maxSize) }
                throw MediaError.outputInvalid(path: output, problems: errors.map(\.message))
            }
            try out.commit()
            guard let written = check.format else { throw MediaError.outputInvalid(path: output, problems: ["unreadable after writing"]) }
            return ConversionResult(
                input: label, output: output, profile: p.name, inputFormat: inputFormat, outputFormat: written,
                loudnessBefore: levels.before.isFinite ? levels.before : nil,
                loudnessAfter: check.analysis.flatMap { $0.loudness.isFinite ? $0.loudness : nil },
                truePeakAfter: check.analysis.flatMap { $0.truePeak.isFinite ? $0.truePeak : nil },
                gain: levels.gain,
                trimmedStart: Double(range.lowerBound) / rate,
                trimmedEnd: Double(spool.count - range.upperBound) / rate,
                padded: Double(total - range.count) / rate,
                repairedSamples: prepared.nonFinite,
                warnings: check.warnings.filter { $0.code != .longLeadingSilence && $0.code != .longTrailingSilence || !p.trimSilence })
        } catch {
            out.discard()
            throw error
        }
    }

    /// Renders and encodes into `path`, analysing the encoded samples on the way out. For
    /// linear PCM and float the analysis is of exactly the values the file holds (a
    /// read-back gives the same floats), so the written file is validated without decoding
    /// it again; other codecs are validated by reading the file back.
    private func write(_ r: Renderer, levels: LevelSteering.Levels, to path: String) throws -> ValidationReport {
        let p = profile
        let encoder = try SampleEncoder(path: path, profile: p)
        let analyzer = try Analyzer(channels: p.channels, sampleRate: p.sampleRate)
        var frames = 0
        try BlockPipeline.run(parallel: r.parallel, produce: { emit in
            try r.render(gain: levels.gain, ceiling: levels.ceiling) { try encoder.write($0, written: emit) }
        }, consume: { written in
            analyzer.add(written, frames: written.count / p.channels)
            frames += written.count / p.channels
        })
        try encoder.close()
        guard encoder.exact else { return Validator.validate(path: path, profile: p) }
        return Validator.validate(path: path, profile: p, written: analyzer.finish(silenceThreshold: p.silenceThreshold), frames: frames)
    }
}
