import Foundation

/// An API key that cannot leak by accident: printing, logging, interpolating or
/// dumping it shows a redacted form. Only `HTTP` bodies read `secret`.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let secret: String

    public init(_ secret: String) { self.secret = secret.trimmingCharacters(in: .whitespacesAndNewlines) }

    public var description: String { "APIKey(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: []) }

    /// From the environment variable, else from `keyFile` (never from a flag value, which
    /// would land in shell history).
    public static func load(environment variable: String, keyFile: String?) throws -> APIKey {
        if let keyFile {
            guard let data = FileManager.default.contents(atPath: keyFile), let text = String(data: data, encoding: .utf8),
                  !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw KeyError.unreadableFile(keyFile)
            }
            return APIKey(text)
        }
        if let v = ProcessInfo.processInfo.environment[variable], !v.isEmpty { return APIKey(v) }
        throw KeyError.missing(variable)
    }

    /// Removes the key from any text before it is shown (provider echoes, error bodies).
    public func redact(_ text: String) -> String {
        secret.count >= 4 ? text.replacingOccurrences(of: secret, with: "***") : text
    }
}

public enum KeyError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(String)
    case unreadableFile(String)

    public var description: String {
        switch self {
        case let .missing(v): return "no API key: set \(v) in the environment or pass --key-file FILE"
        case let .unreadableFile(f): return "--key-file \(f): cannot read a key from the file"
        }
    }
}
