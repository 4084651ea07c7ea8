import Foundation

/// Turns any audio into a file that passes validation with `profile`:
/// decode → downmix → DC removal → libsoxr → trim → measured loudness gain with a
/// true-peak limiter → TPDF dither → encode, written atomically.
public struct Converter: Sendable {
    public let profile: Profile
    /// Loudness is close enough when within this of the target, LU.
    static let loudnessAccuracy = 0.3
    /// Gain is capped so near-silent noise is not blown up into a roar.
    static let maxGain = 40.0

    public init(profile: Profile) {
        self.profile = profile
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
        let prepared = try Preparation.run(source: source, outputRate: p.sampleRate)
        let spool = prepared.spool
        let rate = Double(p.sampleRate)

        let edges = SilenceEdges(framePower: try prepared.framePower(), threshold: p.silenceThreshold)
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

        let renderer = Renderer(spool: spool, range: range, total: total, sampleRate: p.sampleRate)
        let levels = try settleLevels(renderer)

        let out = try AtomicOutput(destination: output)
        do {
            try write(renderer, levels: levels, to: out.temporary)
            let check = Validator.validate(path: out.temporary, profile: p)
            let errors = check.errors
            if !errors.isEmpty {
                if let size = check.format?.fileSize, size > p.maxSize { throw MediaError.tooBig(path: label, bytes: size, limit: p.maxSize) }
                throw MediaError.outputInvalid(path: output, problems: errors.map(\.message))
            }
            try out.commit()
            guard let written = check.format else { throw MediaError.outputInvalid(path: output, problems: ["unreadable after writing"]) }
            var outFormat = written
            outFormat.fileSize = written.fileSize
            return ConversionResult(
                input: label, output: output, profile: p.name, inputFormat: inputFormat, outputFormat: outFormat,
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

    struct Levels {
        var before: Double
        var gain: Double
        var ceiling: Double
    }

    /// Finds the gain and limiter threshold that land on the target loudness with the
    /// true peak under the ceiling, by measuring the limited output (the limiter takes
    /// loudness away, so one measurement of the input is not enough).
    private func settleLevels(_ r: Renderer) throws -> Levels {
        let p = profile
        let before = try r.measure(gain: 0, ceiling: nil, truePeak: false).loudness
        guard before.isFinite else { return Levels(before: before, gain: 0, ceiling: p.truePeak - 1) }
        var levels = Levels(before: before, gain: min(Self.maxGain, p.loudness - before), ceiling: p.truePeak - 1)
        // Loudness is settled with cheap loudness-only passes (secant steps: the limiter makes
        // loudness grow slower than gain); the costly true-peak measurement runs once it has.
        var previous: (gain: Double, loudness: Double)?
        for _ in 0..<10 {
            let loudness = try r.measure(gain: levels.gain, ceiling: levels.ceiling, truePeak: false).loudness
            guard loudness.isFinite else { break }
            if abs(loudness - p.loudness) > Self.loudnessAccuracy && levels.gain < Self.maxGain {
                var slope = 1.0
                if let prev = previous, abs(levels.gain - prev.gain) > 0.01 {
                    slope = max(0.2, min(1.5, (loudness - prev.loudness) / (levels.gain - prev.gain)))
                }
                previous = (levels.gain, loudness)
                levels.gain = min(Self.maxGain, levels.gain + (p.loudness - loudness) / slope)
                continue
            }
            let truePeak = try r.measure(gain: levels.gain, ceiling: levels.ceiling, truePeak: true).truePeak
            if truePeak <= p.truePeak - 0.1 { break }
            levels.ceiling -= truePeak - (p.truePeak - 0.3)
            previous = nil
        }
        return levels
    }

    private func write(_ r: Renderer, levels: Levels, to path: String) throws {
        let p = profile
        let writer = try SndFileWriter(path: path, container: p.container, codec: p.codec, sampleRate: p.sampleRate, channels: p.channels)
        var dither = TPDFDither()
        let ch = p.channels
        if let bits = SndFormat.bits(codec: p.codec), SndFormat.isLinear(p.codec), bits <= 24 {
            var ints = [Int32]()
            var shorts = [Int16]()
            try r.render(gain: levels.gain, ceiling: levels.ceiling) { block in
                if bits == 16 {
                    if shorts.count < block.count * ch { shorts = [Int16](repeating: 0, count: block.count * ch) }
                    for (i, x) in block.enumerated() {
                        let q = Int16(dither.quantise(x, bits: 16))
                        for c in 0..<ch { shorts[i * ch + c] = q }
                    }
                    try shorts.withUnsafeBufferPointer { try writer.write(shorts: $0, frames: block.count) }
                } else {
                    if ints.count < block.count * ch { ints = [Int32](repeating: 0, count: block.count * ch) }
                    let shift = Int32(32 - bits)
                    for (i, x) in block.enumerated() {
                        let q = dither.quantise(x, bits: bits) << shift
                        for c in 0..<ch { ints[i * ch + c] = q }
                    }
                    try ints.withUnsafeBufferPointer { try writer.write(ints: $0, frames: block.count) }
                }
            }
        } else {
            var floats = [Float]()
            try r.render(gain: levels.gain, ceiling: levels.ceiling) { block in
                if floats.count < block.count * ch { floats = [Float](repeating: 0, count: block.count * ch) }
                for (i, x) in block.enumerated() { for c in 0..<ch { floats[i * ch + c] = x } }
                try floats.withUnsafeBufferPointer { try writer.write(floats: $0, frames: block.count) }
            }
        }
        try writer.close()
    }
}
