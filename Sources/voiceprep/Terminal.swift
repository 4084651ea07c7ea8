import Foundation

/// Output helpers: results on stdout, diagnostics and progress on stderr, so
/// `--json` output stays clean for pipes.
enum Terminal {
    static let stderrIsTTY = isatty(STDERR_FILENO) != 0
    static let stdoutIsTTY = isatty(STDOUT_FILENO) != 0
    static let colour = stdoutIsTTY && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("voiceprep: error: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    static func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// Prints one JSON object on one line (JSON Lines).
    static func json<T: Encodable>(_ value: T) {
        guard let data = try? encoder.encode(value) else { return }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let label: String
    private var done = 0
    private let lock = NSLock()
    private let start = Date()
    private let enabled: Bool

    init(total: Int, label: String) {
        self.total = total
        self.label = label
        enabled = Terminal.stderrIsTTY && total > 1
        draw()
    }

    func advance(_ current: String) {
        lock.lock()
        done += 1
        lock.unlock()
        draw(current)
    }

    private func draw(_ current: String = "") {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let elapsed = Date().timeIntervalSince(start)
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let name = current.count > 40 ? "…" + current.suffix(39) : current
        let line = "\r\u{1B}[2K\(label) [\(String(repeating: "█", count: filled))\(String(repeating: "·", count: width - filled))] \(done)/\(total)  eta \(Int(eta))s  \(name)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
