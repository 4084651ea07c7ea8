import Foundation
import VoiceMedia

/// Remembers validation verdicts, so a campaign that uploads one file ten thousand
/// times validates it once. Keys identify the bytes (path with size, modification time
/// and inode; or a digest of uploaded bytes) and the profile.
final class ValidationCache<Verdict: Sendable>: @unchecked Sendable {
    private var verdicts: [String: Verdict] = [:]
    private let lock = NSLock()
    private let limit = 10_000

    func value(for key: String, _ compute: () -> Verdict) -> Verdict {
        lock.lock()
        if let hit = verdicts[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        // Computed outside the lock: two threads may validate the same file once each,
        // which is cheaper than serialising every validation.
        let value = compute()
        lock.lock()
        if verdicts.count >= limit { verdicts.removeAll() }
        verdicts[key] = value
        lock.unlock()
        return value
    }

    /// A key for a file as it is now, or nil when it cannot be stat'ed (then: no caching).
    static func fileKey(_ path: String, _ profile: Profile) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return "\(path)|\(st.st_size)|\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)|\(st.st_ino)|\(profileKey(profile))"
    }

    static func profileKey(_ p: Profile) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? String(decoding: encoder.encode(p), as: UTF8.self)) ?? p.name
    }
}
