import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// One multipart/form-data part as PHP would see it in `$_POST` / `$_FILES`.
struct FormPart {
    var data: Data
    var filename: String?
    var contentType: String?
    var text: String { String(decoding: data, as: UTF8.self) }
}

struct ParsedForm {
    var parts: [String: FormPart] = [:]
    var order: [String] = []
}

struct IncompleteForm: Error {}

enum SandboxForm {
    /// The boundary of a multipart/form-data request, nil for any other body.
    static func boundary(_ request: Request) -> String? {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for param in type.split(separator: ";").dropFirst() {
            let kv = param.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == "boundary" { return kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }

    /// Parses with multipart-kit's strict parser; a malformed body throws.
    static func parse(_ body: Data, boundary: String) throws -> ParsedForm {
        final class Collector {
            var form = ParsedForm()
            var headers: [(String, String)] = []
            var data = Data()
            var completed = false
        }
        let c = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { c.headers.append(($0, $1)) }
        parser.onBody = { buffer in c.data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            let disposition = c.headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
            let type = c.headers.first { $0.0.lowercased() == "content-type" }?.1
            if let name = param("name", in: disposition) {
                c.form.parts[name] = FormPart(data: c.data, filename: param("filename", in: disposition), contentType: type)
                c.form.order.append(name)
            }
            c.headers = []
            c.data = Data()
            c.completed = true
        }
        try parser.execute(ByteBuffer(bytes: body))
        // A body cut short (no closing boundary) is a failed upload, as PHP reports it.
        let tail = String(decoding: body.suffix(boundary.utf8.count + 8), as: UTF8.self)
        guard c.completed, tail.contains("--\(boundary)--") else { throw IncompleteForm() }
        return c.form
    }

    static func param(_ name: String, in disposition: String) -> String? {
        for piece in disposition.split(separator: ";") {
            let kv = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == name { return kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }
}
