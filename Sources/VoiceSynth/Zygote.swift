import CEspeakNG
import Foundation

/// A process forked after `espeak_Initialize` that holds one voice setting and forks a
/// grandchild per request (see the shim).
final class Zygote: Sendable {
    let socket: Int32
    let pid: pid_t

    init(_ key: ZygotePool.Key) throws(SynthError) {
        var socket: Int32 = -1, pid: pid_t = -1
        let status = Int(voiceprep_zygote_start(key.voice, Int32(key.rate), Int32(key.pitch), Int32(key.range), &socket, &pid))
        let error = errno
        switch status {
        case 0: break
        case VOICEPREP_UNKNOWN_VOICE: throw .unknownVoice(key.voice)
        case VOICEPREP_CRASHED: throw .synthesisFailed("the espeak-ng process crashed while loading voice '\(key.voice)'")
        default: throw .synthesisFailed("cannot start a synthesis process: \(String(cString: strerror(error)))")
        }
        self.socket = socket
        self.pid = pid
    }

    // The zygote reads end-of-file and exits; the thread that forked it reaps it.
    deinit { close(socket) }

    /// The samples, or nil when the zygote is gone.
    func synthesise(_ text: String) throws(SynthError) -> [Int16]? {
        var raw: UnsafeMutablePointer<Int16>?
        let n = voiceprep_zygote_synth(socket, text, &raw)
        let error = errno
        defer { free(raw) }
        switch n {
        case VOICEPREP_ZYGOTE_GONE: return nil
        case VOICEPREP_TOO_LONG:
            throw .synthesisFailed("a word run is longer than \(VOICEPREP_MAX_TEXT / 1024) KiB of text; split the text")
        case VOICEPREP_SYNTH_FAILED: throw .synthesisFailed("espeak_Synth rejected the text")
        case VOICEPREP_CRASHED: throw .synthesisFailed("the espeak-ng process crashed")
        case ..<0: throw .synthesisFailed("cannot start a synthesis process: \(String(cString: strerror(error)))")
        default: break
        }
        guard let raw, n > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: raw, count: n))
    }
}

/// Zygotes by voice setting, started on first use. Bounded, because every zygote pins the
/// memory the parent had when it was forked, and options may vary from request to request.
final class ZygotePool: @unchecked Sendable {
    struct Key: Hashable, Sendable {
        let voice: String
        let rate, pitch, range: Int
    }

    private var zygotes: [Key: (zygote: Zygote, used: UInt64)] = [:]
    private var clock: UInt64 = 0
    private let lock = NSLock()
    static let limit = 8

    /// The zygote for `key`, started when there is none or the one there is `dead`. Started
    /// under the lock, so that many renders of a new voice at once start one zygote.
    func zygote(for key: Key, replacing dead: Zygote? = nil) throws(SynthError) -> Zygote {
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        if let entry = zygotes[key], entry.zygote !== dead {
            zygotes[key]?.used = clock
            return entry.zygote
        }
        zygotes[key] = nil
        if zygotes.count >= Self.limit, let oldest = zygotes.min(by: { $0.value.used < $1.value.used })?.key {
            zygotes[oldest] = nil // renders still using it keep it until they finish
        }
        let zygote = try Zygote(key)
        zygotes[key] = (zygote, clock)
        return zygote
    }
}
