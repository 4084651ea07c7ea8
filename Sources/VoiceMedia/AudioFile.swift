/// Reading a whole (short) file for previews and tests; conversion itself streams.
public enum AudioFile {
    /// Decodes `path` and mixes it to mono. Meant for messages, not hour-long recordings.
    public static func readMono(path: String) throws -> (samples: [Float], sampleRate: Int) {
        let reader = try SndFileReader(path: path)
        var interleaved = [Float]()
        var mono = [Float]()
        var out = [Float]()
        out.reserveCapacity(Int(reader.format.frames))
        while true {
            let n = reader.read(into: &interleaved, frames: 16_384)
            if n == 0 { break }
            downmix(interleaved, frames: n, channels: reader.format.channels, into: &mono)
            out.append(contentsOf: mono[0..<n])
        }
        return (out, reader.format.sampleRate)
    }
}
