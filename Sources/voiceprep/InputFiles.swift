import Foundation

/// Expands command-line inputs: files as given, directories walked recursively for
/// audio files (by extension, hidden files skipped), in a stable sorted order.
struct InputFile: Sendable {
    let path: String
    /// Path relative to the directory argument it was found under (file name for direct files).
    let relative: String
}

enum InputFiles {
    static let audioExtensions: Set<String> = [
        "wav", "wave", "flac", "ogg", "oga", "opus", "mp3", "aif", "aiff", "aifc", "au", "snd",
        "caf", "w64", "rf64", "voc", "sph", "nist", "paf", "sf", "ircam", "mat", "xi", "htk",
    ]

    static func expand(_ inputs: [String]) throws -> [InputFile] {
        var out: [InputFile] = []
        let fm = FileManager.default
        for input in inputs {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDir) else {
                throw UsageError("\(input): no such file or directory")
            }
            guard isDir.boolValue else {
                out.append(InputFile(path: input, relative: (input as NSString).lastPathComponent))
                continue
            }
            guard let walker = fm.enumerator(atPath: input) else { throw UsageError("\(input): cannot list the directory") }
            var found: [String] = []
            while let rel = walker.nextObject() as? String {
                let name = (rel as NSString).lastPathComponent
                if name.hasPrefix(".") { continue }
                let full = (input as NSString).appendingPathComponent(rel)
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue,
                   audioExtensions.contains((name as NSString).pathExtension.lowercased()) {
                    found.append(rel)
                }
            }
            for rel in found.sorted() {
                out.append(InputFile(path: (input as NSString).appendingPathComponent(rel), relative: rel))
            }
        }
        return out
    }
}
