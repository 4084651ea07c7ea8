import Foundation

/// Holds the mono, resampled signal between the analysis and rendering passes.
/// Short messages stay in memory; long recordings spill to an unlinked temporary
/// file so memory stays bounded whatever the input length.
final class SampleSpool {
    private let memoryLimit: Int
    private var memory: [Float] = []
    private var file: UnsafeMutablePointer<FILE>?
    private(set) var count = 0

    init(memoryLimit: Int = 1 << 21) {
        self.memoryLimit = memoryLimit
    }

    deinit { if let file { fclose(file) } }

    func append(_ samples: UnsafeBufferPointer<Float>) throws {
        guard !samples.isEmpty else { return }
        if file == nil, memory.count + samples.count > memoryLimit {
            guard let f = tmpfile() else { throw MediaError.engine("cannot create a temporary spool file: \(String(cString: strerror(errno)))") }
            file = f
            try memory.withUnsafeBufferPointer { try write($0, to: f) }
            memory = []
        }
        if let file {
            try write(samples, to: file)
        } else {
            memory.append(contentsOf: samples)
        }
        count += samples.count
    }

    private func write(_ s: UnsafeBufferPointer<Float>, to f: UnsafeMutablePointer<FILE>) throws {
        guard !s.isEmpty else { return }
        if fwrite(s.baseAddress, MemoryLayout<Float>.size, s.count, f) != s.count {
            throw MediaError.engine("temporary spool write failed: \(String(cString: strerror(errno)))")
        }
    }

    /// Calls `body` with consecutive blocks covering samples `range`.
    func forEachBlock(in range: Range<Int>, blockSize: Int = 1 << 15, _ body: (UnsafeBufferPointer<Float>) throws -> Void) throws {
        let lo = max(0, range.lowerBound), hi = min(count, range.upperBound)
        guard lo < hi else { return }
        guard let file else {
            try memory.withUnsafeBufferPointer { all in
                var i = lo
                while i < hi {
                    let j = min(hi, i + blockSize)
                    try body(UnsafeBufferPointer(rebasing: all[i..<j]))
                    i = j
                }
            }
            return
        }
        fflush(file)
        guard fseeko(file, off_t(lo * MemoryLayout<Float>.size), SEEK_SET) == 0 else {
            throw MediaError.engine("temporary spool seek failed")
        }
        var buf = [Float](repeating: 0, count: blockSize)
        var i = lo
        while i < hi {
            let want = min(blockSize, hi - i)
            let got = buf.withUnsafeMutableBufferPointer { fread($0.baseAddress, MemoryLayout<Float>.size, want, file) }
            guard got == want else { throw MediaError.engine("temporary spool read failed") }
            try buf.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<want])) }
            i += want
        }
        if fseeko(file, 0, SEEK_END) != 0 { throw MediaError.engine("temporary spool seek failed") }
    }
}
