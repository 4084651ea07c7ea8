import Foundation

/// An API key that cannot leak by accident: printing, logging, interpolating, encoding
/// or dumping it shows a redacted form. Only request bodies read `secret`.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable, Encodable {
    let secret: String

    public init(_ secret: String) { self.secret = secret.trimmingCharacters(in: .whitespacesAndNewlines) }

    public var description: String { "APIKey(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: []) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode("redacted")
    }

    /// From `keyFile` when given, else from the environment variable. Never from a flag
    /// value: that would land in shell history and `ps` output.
    public static func load(environment variable: String, keyFile: String?,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> APIKey {
        if let keyFile {
            guard let data = FileManager.default.contents(atPath: keyFile) else { throw KeyError.unreadableFile(keyFile, variable: variable) }
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            // Only the first line: a key file may end with a comment or a second key by mistake.
            guard let first = text.split(whereSeparator: \.isNewline).first, !first.isEmpty else {
                throw KeyError.emptyFile(keyFile, variable: variable)
            }
            return APIKey(String(first))
        }
        if let value = environment[variable], !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return APIKey(value) }
        throw KeyError.missing(variable)
    }

    /// Removes the key from text before it is shown (provider echoes, error bodies, logs).
    public func redact(_ text: String) -> String {
        secret.count >= 4 ? text.replacingOccurrences(of: secret, with: "[redacted]") : text
    }
}

public enum KeyError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(String)
    case unreadableFile(String, variable: String)
    case emptyFile(String, variable: String)

    public var description: String {
        switch self {
        case let .missing(v): return "no API key: set \(v) in the environment or pass --key-file FILE (a file holding only the key)"
        case let .unreadableFile(f, v): return "--key-file \(f): cannot read the file; check the path and permissions, or set \(v) instead"
        case let .emptyFile(f, v): return "--key-file \(f): the file is empty; put the key on its first line, or set \(v) instead"
        }
    }
}
