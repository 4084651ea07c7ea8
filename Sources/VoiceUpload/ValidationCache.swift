import Foundation
import VoiceMedia

/// Remembers validation verdicts so a campaign uploading one file ten thousand times
/// validates it once. Keyed by what identifies the bytes (path, size, modification time,
/// or a digest) and the profile.
final class ValidationCache: @unchecked Sendable {
    static let shared = ValidationCache()
    private var verdicts: [String: [String]] = [:]
    private let lock = NSLock()

    /// The error messages of `path` under `profile` (empty when acceptable).
    func errors(path: String, profile: Profile) -> [String] {
        var st = stat()
        guard stat(path, &st) == 0 else { return Validator.validate(path: path, profile: profile).errors.map(\.message) }
        let key = "\(path)|\(st.st_size)|\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)|\(st.st_ino)|\(Self.profileKey(profile))"
        return cached(key) { Validator.validate(path: path, profile: profile).errors.map(\.message) }
    }

    func cached(_ key: String, _ compute: () -> [String]) -> [String] {
        lock.lock()
        if let hit = verdicts[key] { lock.unlock(); return hit }
        lock.unlock()
        let value = compute()
        lock.lock()
        if verdicts.count > 10_000 { verdicts.removeAll() }
        verdicts[key] = value
        lock.unlock()
        return value
    }

    static func profileKey(_ p: Profile) -> String {
        (try? String(decoding: JSONEncoder().encode(p), as: UTF8.self)) ?? p.name
    }
}
