import CSndFile
import Foundation

/// Streams interleaved float frames out of any file libsndfile reads.
/// Reading is block by block so a one-hour file never sits in memory whole.
final class SndFileReader {
    let path: String
    let format: AudioFormat
    private var handle: OpaquePointer?

    init(path: String) throws {
        self.path = path
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw MediaError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw MediaError.unreadable(path: path, reason: "is a directory")
        }
        if st.st_size == 0 {
            throw MediaError.unreadable(path: path, reason: "file is empty")
        }
        var info = SF_INFO()
        guard let h = sf_open(path, Int32(SFM_READ), &info) else {
            let reason = String(cString: sf_strerror(nil))
            throw MediaError.unreadable(path: path, reason: reason)
        }
        handle = h
        guard info.channels > 0, info.samplerate > 0 else {
            sf_close(h)
            handle = nil
            throw MediaError.unreadable(path: path, reason: "header declares \(info.channels) channels at \(info.samplerate) Hz")
        }
        let codec = SndFormat.codec(info.format)
        format = AudioFormat(
            container: SndFormat.container(info.format), codec: codec.name,
            sampleRate: Int(info.samplerate), channels: Int(info.channels),
            bitDepth: codec.bits, frames: max(0, info.frames), fileSize: Int(st.st_size))
    }

    deinit { if let handle { sf_close(handle) } }

    /// Reads up to `frames` interleaved frames into `buffer` (resized as needed); returns frames read, 0 at the end.
    func read(into buffer: inout [Float], frames: Int) -> Int {
        guard let handle else { return 0 }
        let need = frames * format.channels
        if buffer.count < need { buffer = [Float](repeating: 0, count: need) }
        let n = buffer.withUnsafeMutableBufferPointer { sf_readf_float(handle, $0.baseAddress, sf_count_t(frames)) }
        return Int(max(0, n))
    }

    /// libsndfile's own account of the header, which names truncation and other damage.
    var log: String {
        guard let handle else { return "" }
        var buf = [CChar](repeating: 0, count: 4096)
        sf_command(handle, Int32(SFC_GET_LOG_INFO), &buf, Int32(buf.count))
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Writes an audio file through libsndfile; the caller decides where (a temporary path).
final class SndFileWriter {
    let path: String
    private var handle: OpaquePointer?

    init(path: String, container: String, codec: String, sampleRate: Int, channels: Int) throws {
        self.path = path
        guard let major = SndFormat.code(container: container), let sub = SndFormat.code(codec: codec) else {
            throw MediaError.writeFailed(path: path, reason: "unknown output format \(container)/\(codec)")
        }
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channels)
        info.format = major | sub
        guard sf_format_check(&info) == SF_TRUE else {
            throw MediaError.writeFailed(path: path, reason: "libsndfile cannot write \(codec) in \(container) at \(sampleRate) Hz")
        }
        guard let h = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw MediaError.writeFailed(path: path, reason: String(cString: sf_strerror(nil)))
        }
        handle = h
        // A PEAK chunk carries a timestamp, which would break byte-identical reruns.
        sf_command(h, Int32(SFC_SET_ADD_PEAK_CHUNK), nil, Int32(SF_FALSE))
        sf_command(h, Int32(SFC_SET_CLIPPING), nil, Int32(SF_TRUE))
    }

    deinit { if let handle { sf_close(handle) } }

    func write(floats: UnsafeBufferPointer<Float>, frames: Int) throws {
        guard let handle else { return }
        let n = sf_writef_float(handle, floats.baseAddress, sf_count_t(frames))
        if n != frames { throw MediaError.writeFailed(path: path, reason: String(cString: sf_strerror(handle))) }
    }

    func write(shorts: UnsafeBufferPointer<Int16>, frames: Int) throws {
        guard let handle else { return }
        let n = sf_writef_short(handle, shorts.baseAddress, sf_count_t(frames))
        if n != frames { throw MediaError.writeFailed(path: path, reason: String(cString: sf_strerror(handle))) }
    }

    func write(ints: UnsafeBufferPointer<Int32>, frames: Int) throws {
        guard let handle else { return }
        let n = sf_writef_int(handle, ints.baseAddress, sf_count_t(frames))
        if n != frames { throw MediaError.writeFailed(path: path, reason: String(cString: sf_strerror(handle))) }
    }

    func close() throws {
        guard let h = handle else { return }
        handle = nil
        let rc = sf_close(h)
        if rc != 0 { throw MediaError.writeFailed(path: path, reason: String(cString: sf_error_number(rc))) }
    }
}
