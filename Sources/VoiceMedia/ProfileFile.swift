import Foundation

/// Reads profile overrides from a small JSON object or flat TOML (`key = value`) file.
/// Only the fields named are changed; `base` names the built-in profile to start from.
public enum ProfileFile {
    static let fields = [
        "base", "name", "description", "container", "codec", "sampleRate", "channels", "minDuration",
        "maxDuration", "maxSize", "loudness", "loudnessTolerance", "truePeak", "trimSilence",
        "silencePad", "maxEdgeSilence", "silenceThreshold",
    ]

    /// Loads the file and applies it on top of `fallback` (or of the profile its `base` names).
    public static func load(path: String, over fallback: Profile) throws -> Profile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProfileError.unreadableFile(path: path, reason: "cannot read the file")
        }
        let text = String(decoding: data, as: UTF8.self)
        let values: [String: Any]
        if text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{") {
            guard let obj = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                throw ProfileError.unreadableFile(path: path, reason: "not a valid JSON object")
            }
            values = obj
        } else {
            values = try parseFlatTOML(text, path: path)
        }
        var profile = fallback
        if let base = values["base"] as? String { profile = try Profile.named(base) }
        for (key, value) in values.sorted(by: { $0.key < $1.key }) where key != "base" {
            try apply(key, value, to: &profile, path: path)
        }
        return try profile.checked()
    }

    static func parseFlatTOML(_ text: String, path: String) throws -> [String: Any] {
        var out: [String: Any] = [:]
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty || line.hasPrefix("[") { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                throw ProfileError.unreadableFile(path: path, reason: "line \(n + 1): expected `key = value`")
            }
            let v = parts[1]
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 {
                out[parts[0]] = String(v.dropFirst().dropLast())
            } else if v == "true" || v == "false" {
                out[parts[0]] = v == "true"
            } else if let d = Double(v.replacingOccurrences(of: "_", with: "")) {
                out[parts[0]] = d
            } else {
                throw ProfileError.unreadableFile(path: path, reason: "line \(n + 1): cannot read value `\(v)`")
            }
        }
        return out
    }

    static func apply(_ key: String, _ value: Any, to p: inout Profile, path: String) throws {
        func num() throws -> Double {
            if let d = value as? Double { return d }
            if let i = value as? Int { return Double(i) }
            if let n = value as? NSNumber { return n.doubleValue }
            throw ProfileError.invalidValue(profile: p.name, field: key, reason: "expected a number")
        }
        func str() throws -> String {
            guard let s = value as? String else { throw ProfileError.invalidValue(profile: p.name, field: key, reason: "expected a string") }
            return s
        }
        func int() throws -> Int {
            let d = try num()
            guard d == d.rounded(), abs(d) < 1e15 else { throw ProfileError.invalidValue(profile: p.name, field: key, reason: "expected a whole number") }
            return Int(d)
        }
        switch key {
        case "name": p.name = try str()
        case "description": p.description = try str()
        case "container": p.container = try str()
        case "codec": p.codec = try str()
        case "sampleRate": p.sampleRate = try int()
        case "channels": p.channels = try int()
        case "minDuration": p.minDuration = try num()
        case "maxDuration": p.maxDuration = try num()
        case "maxSize": p.maxSize = try int()
        case "loudness": p.loudness = try num()
        case "loudnessTolerance": p.loudnessTolerance = try num()
        case "truePeak": p.truePeak = try num()
        case "trimSilence":
            guard let b = value as? Bool else { throw ProfileError.invalidValue(profile: p.name, field: key, reason: "expected true or false") }
            p.trimSilence = b
        case "silencePad": p.silencePad = try num()
        case "maxEdgeSilence": p.maxEdgeSilence = try num()
        case "silenceThreshold": p.silenceThreshold = try num()
        default: throw ProfileError.unknownField(path: path, field: key)
        }
    }
}
