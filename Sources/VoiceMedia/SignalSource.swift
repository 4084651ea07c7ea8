/// Anything the converter can pull interleaved float frames from: a file, or
/// samples a synthesiser produced in memory.
protocol SignalSource: AnyObject {
    var sampleRate: Int { get }
    var channels: Int { get }
    /// Frames the source expects to deliver (the header's count for a file).
    var expectedFrames: Int { get }
    /// Reads up to `frames` interleaved frames into `buffer` (resized as needed); 0 at the end.
    func read(into buffer: inout [Float], frames: Int) -> Int
}

extension SndFileReader: SignalSource {
    var sampleRate: Int { format.sampleRate }
    var channels: Int { format.channels }
    var expectedFrames: Int { Int(format.frames) }
}

final class MemorySource: SignalSource {
    let sampleRate: Int
    let channels: Int
    private let samples: [Float]
    private var position = 0
    var expectedFrames: Int { samples.count / channels }

    init(samples: [Float], sampleRate: Int, channels: Int) {
        self.samples = samples
        self.sampleRate = sampleRate
        self.channels = channels
    }

    func read(into buffer: inout [Float], frames: Int) -> Int {
        let available = (samples.count - position) / channels
        let n = min(frames, available)
        guard n > 0 else { return 0 }
        if buffer.count < n * channels { buffer = [Float](repeating: 0, count: n * channels) }
        let start = position
        samples.withUnsafeBufferPointer { src in
            buffer.withUnsafeMutableBufferPointer { dst in
                guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                d.update(from: s + start, count: n * channels)
            }
        }
        position += n * channels
        return n
    }
}
