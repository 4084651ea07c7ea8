import Foundation

/// A small RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes,
/// CRLF, a UTF-8 BOM. Rows are addressed by header name; line numbers are kept for errors.
struct CSVTable {
    struct Row {
        let line: Int
        let fields: [String: String]
        subscript(_ name: String) -> String? {
            guard let v = fields[name]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
    }

    let header: [String]
    let rows: [Row]

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("\(path): cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError("\(path): not UTF-8 text; save the CSV as UTF-8")
        }
        try self.init(text: text, name: path)
    }

    init(text: String, name: String) throws {
        var records: [(line: Int, fields: [String])] = []
        var field = ""
        var record: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", i + 1 < chars.count, chars[i + 1] == "\n" { i += 1 }
                record.append(field)
                field = ""
                if !(record.count == 1 && record[0].isEmpty) { records.append((recordLine, record)) }
                record = []
                line += 1
                recordLine = line
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if inQuotes { throw UsageError("\(name): line \(recordLine): a quoted field is never closed") }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append((recordLine, record))
        }
        guard let first = records.first else { throw UsageError("\(name): the file is empty; it needs a header row") }
        let names = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        header = names
        rows = records.dropFirst().map { rec in
            var dict: [String: String] = [:]
            for (k, v) in zip(names, rec.fields) { dict[k] = v }
            return Row(line: rec.line, fields: dict)
        }
    }

    func require(_ columns: [String], in name: String) throws {
        let missing = columns.filter { !header.contains($0) }
        if !missing.isEmpty {
            throw UsageError("\(name): missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")); the header has \(header.joined(separator: ", "))")
        }
    }
}

/// Turns an id from a CSV into a safe file name: no directories, no traversal, no hidden files.
enum SafeName {
    static func from(_ id: String) -> String {
        var out = ""
        for ch in id.unicodeScalars {
            if CharacterSet.alphanumerics.contains(ch) || ch == "-" || ch == "_" || ch == "." { out.unicodeScalars.append(ch) } else { out += "_" }
        }
        while out.hasPrefix(".") { out.removeFirst() }
        if out.isEmpty { out = "message" }
        return String(out.prefix(120))
    }
}
