import Foundation
import VoiceMedia

/// A file checked (and, if asked, converted) for a provider, ready to upload.
public struct PreparedMedia: Sendable {
    /// What to upload: the input itself, or the converted temporary copy.
    public let path: String
    public let input: String
    public let converted: Bool
    public let report: ValidationReport
    let temporaryDirectory: String?

    /// Removes the temporary copy, if any. The input is never touched.
    public func cleanup() {
        if let temporaryDirectory { try? FileManager.default.removeItem(atPath: temporaryDirectory) }
    }
}

/// The local gate before any upload: a file the provider would reject is never sent.
public enum LocalMedia {
    static let reports = ValidationCache<ValidationReport>()

    /// Validates `file` against `profile`; throws `rejectedLocally` with every error.
    @discardableResult
    public static func check(_ file: String, profile: Profile) throws -> ValidationReport {
        let validate = { Validator.validate(path: file, profile: profile) }
        let report = ValidationCache<ValidationReport>.fileKey(file, profile).map { reports.value(for: $0, validate) } ?? validate()
        guard report.ok else { throw UploadError.rejectedLocally(file: file, problems: report.errors.map { "\($0.code.rawValue): \($0.message)" }) }
        return report
    }

    /// Checks `file`; with `convert`, first converts it into a temporary file (never over
    /// the input) and checks that instead.
    public static func prepare(_ file: String, profile: Profile, convert: Bool) throws -> PreparedMedia {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw UploadError.invalidRequest("\(file): no such readable file")
        }
        guard convert else {
            return PreparedMedia(path: file, input: file, converted: false, report: try check(file, profile: profile), temporaryDirectory: nil)
        }
        let dir = NSTemporaryDirectory() + "voiceprep-upload-\(UUID().uuidString)"
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            let output = dir + "/" + (base.isEmpty ? "message" : base) + ".wav"
            _ = try Converter(profile: profile).convert(input: file, output: output)
            let report = try check(output, profile: profile)
            return PreparedMedia(path: output, input: file, converted: true, report: report, temporaryDirectory: dir)
        } catch let error as UploadError {
            try? FileManager.default.removeItem(atPath: dir)
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: dir)
            throw UploadError.rejectedLocally(file: file, problems: ["cannot convert: \(error)"])
        }
    }

    /// Reads a checked file for the request body.
    static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw UploadError.invalidRequest("\(path): cannot read the file") }
        return data
    }
}
