import Foundation

/// Output files appear whole or not at all: audio is written to a hidden temporary
/// file in the destination directory (same filesystem, so rename is atomic) and
/// renamed over the destination only once it is complete and valid.
struct AtomicOutput {
    let destination: String
    let temporary: String

    init(destination: String) throws {
        self.destination = destination
        let url = URL(fileURLWithPath: destination)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw MediaError.writeFailed(path: destination, reason: "cannot create directory \(dir): \(error.localizedDescription)")
            }
        } else if !isDir.boolValue {
            throw MediaError.writeFailed(path: destination, reason: "\(dir) is not a directory")
        }
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isDir), isDir.boolValue {
            throw MediaError.writeFailed(path: destination, reason: "is a directory")
        }
        temporary = dir + "/." + url.lastPathComponent + ".voiceprep-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    func commit() throws {
        if rename(temporary, destination) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw MediaError.writeFailed(path: destination, reason: reason)
        }
    }

    func discard() { unlink(temporary) }

    /// True when `a` and `b` name the same existing file (hard links and symlinks included).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
