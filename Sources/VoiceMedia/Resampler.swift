import CSoxr

/// Mono streaming sample-rate conversion with libsoxr at very high quality.
/// Single-threaded so results do not depend on thread scheduling.
final class Resampler {
    private var soxr: soxr_t?
    let ratio: Double
    private var out: [Float] = []

    init(from inRate: Int, to outRate: Int) throws {
        ratio = Double(outRate) / Double(inRate)
        var err: soxr_error_t?
        var io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
        var quality = soxr_quality_spec(UInt(SOXR_VHQ), 0)
        var runtime = soxr_runtime_spec(1)
        soxr = soxr_create(Double(inRate), Double(outRate), 1, &err, &io, &quality, &runtime)
        if let err { throw MediaError.engine("libsoxr: \(String(cString: err))") }
    }

    deinit { soxr_delete(soxr) }

    /// Feeds `input` and hands every produced block to `sink`; an empty input flushes the tail.
    func process(_ input: UnsafeBufferPointer<Float>, sink: (UnsafeBufferPointer<Float>) throws -> Void) throws {
        let flushing = input.isEmpty
        let capacity = Int(Double(max(input.count, 4096)) * ratio) + 1024
        if out.count < capacity { out = [Float](repeating: 0, count: capacity) }
        var consumed = 0
        while true {
            var idone = 0
            var odone = 0
            let err: soxr_error_t? = out.withUnsafeMutableBufferPointer { o in
                if flushing {
                    return soxr_process(soxr, nil, 0, nil, o.baseAddress, o.count, &odone)
                }
                return soxr_process(soxr, input.baseAddress.map { $0 + consumed }, input.count - consumed, &idone, o.baseAddress, o.count, &odone)
            }
            if let err { throw MediaError.engine("libsoxr: \(String(cString: err))") }
            consumed += idone
            if odone > 0 { try out.withUnsafeBufferPointer { try sink(UnsafeBufferPointer(rebasing: $0[0..<odone])) } }
            if flushing ? odone == 0 : (consumed >= input.count && odone < out.count) { break }
        }
    }
}
