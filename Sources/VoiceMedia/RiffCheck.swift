import Foundation

/// Walks the RIFF chunk list of a WAV file without trusting it. libsndfile quietly
/// reads what is there when a header lies; a provider's parser may not, so a header
/// that claims more data than the file holds is reported.
enum RiffCheck {
    /// Returns a description of the damage, or nil when the chunk sizes add up.
    static func damage(path: String, fileSize: Int) -> String? {
        guard let fh = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? fh.close() }
        guard let head = try? fh.read(upToCount: 12), head.count == 12,
              head.prefix(4) == Data("RIFF".utf8), head.dropFirst(8).prefix(4) == Data("WAVE".utf8)
        else { return nil }
        let riffSize = Int(le32(head, 4))
        if riffSize == 0 || riffSize == 0xFFFF_FFFF {
            return "RIFF header has no length (a streamed WAV); rewrite it with `voiceprep convert`"
        }
        var offset = 12
        while offset + 8 <= fileSize {
            guard (try? fh.seek(toOffset: UInt64(offset))) != nil,
                  let ch = try? fh.read(upToCount: 8), ch.count == 8 else { break }
            let id = String(decoding: ch.prefix(4), as: UTF8.self)
            let size = Int(le32(ch, 4))
            let remaining = fileSize - offset - 8
            if id == "data" {
                if size == 0xFFFF_FFFF || size == 0 && remaining > 0 {
                    return "data chunk has no length (a streamed WAV); rewrite it with `voiceprep convert`"
                }
                if size > remaining {
                    return "truncated: the header announces \(Format.bytes(size)) of audio but the file holds \(Format.bytes(max(0, remaining)))"
                }
                return nil
            }
            if size > remaining {
                return "truncated: chunk '\(id)' announces \(Format.bytes(size)) but the file ends after \(Format.bytes(max(0, remaining)))"
            }
            offset += 8 + size + (size & 1)
        }
        return "no data chunk"
    }

    private static func le32(_ d: Data, _ at: Int) -> UInt32 {
        let b = [UInt8](d)
        return UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
    }
}
