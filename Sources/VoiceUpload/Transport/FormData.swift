import Foundation
import MultipartKit
import NIOCore
import NIOHTTP1

/// multipart/form-data bodies through multipart-kit, assembled in memory so the
/// request carries a Content-Length.
public enum FormData {
    public struct Field: Sendable {
        public var name: String
        public var value: ByteBuffer
        public var filename: String?
        public var contentType: String?

        public init(name: String, value: ByteBuffer, filename: String? = nil, contentType: String? = nil) {
            self.name = name
            self.value = value
            self.filename = filename
            self.contentType = contentType
        }

        public static func text(_ name: String, _ value: String) -> Field { Field(name: name, value: ByteBuffer(string: value)) }

        public static func file(_ name: String, _ data: Data, filename: String, contentType: String = "audio/wav") -> Field {
            Field(name: name, value: ByteBuffer(bytes: data), filename: safeFilename(filename), contentType: contentType)
        }
    }

    public static func encode(_ fields: [Field], boundary: String = newBoundary()) throws -> (contentType: String, body: ByteBuffer) {
        let parts = fields.map { f -> MultipartPart in
            var headers = HTTPHeaders()
            var disposition = "form-data; name=\"\(f.name)\""
            if let filename = f.filename { disposition += "; filename=\"\(filename)\"" }
            headers.add(name: "Content-Disposition", value: disposition)
            if let t = f.contentType { headers.add(name: "Content-Type", value: t) }
            return MultipartPart(headers: headers, body: f.value)
        }
        var buffer = ByteBuffer()
        try MultipartSerializer().serialize(parts: parts, boundary: boundary, into: &buffer)
        return ("multipart/form-data; boundary=\(boundary)", buffer)
    }

    public static func newBoundary() -> String {
        "voiceprep-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// The file's own name without its directory, with the characters that would break a
    /// Content-Disposition header (quotes, backslashes, line breaks) replaced.
    static func safeFilename(_ path: String) -> String {
        let base = (path as NSString).lastPathComponent
        let cleaned = String(base.map { "\"\\\r\n".contains($0) ? "_" : $0 })
        return cleaned.isEmpty ? "audio.wav" : cleaned
    }
}
