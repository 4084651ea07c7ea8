import ArgumentParser
import Foundation

struct VoicePrep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voiceprep",
        abstract: "Prepare spoken messages for telephony voice providers.",
        discussion: """
        Exit codes: 0 everything acceptable/done, 1 some input was rejected or failed, \
        2 usage error (bad flag, unknown profile, unreadable profile file).
        """,
        version: "0.1.0",
        subcommands: VoicePrep.commands
    )

    static var commands: [ParsableCommand.Type] {
        var list: [ParsableCommand.Type] = [ProfilesCommand.self, ValidateCommand.self, ConvertCommand.self, ReportCommand.self, WebhookCommand.self,
                                               UploadCommand.self, StatusCommand.self, BalanceCommand.self, SandboxCommand.self, SendCommand.self, ReconcileCommand.self]
        list += [LangCommand.self, SayCommand.self]
        return list
    }
}

/// Entry point that maps errors onto the documented exit codes: ArgumentParser
/// would use 64 for usage errors; pipelines expect 2.
@main
enum Main {
    static func main() async {
        // Every file converted allocates and frees the same few large buffers. glibc hands
        // blocks over 128 KiB straight back to the kernel, so each file paid for fresh
        // zeroed pages again (about 6% of a batch's CPU): keep them in the heap instead.
        Allocator.keepLargeBlocks()
        do {
            var command = try VoicePrep.parseAsRoot()
            if var async = command as? AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch let error as UsageError {
            Terminal.error(error.description)
            exit(2)
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            let code = VoicePrep.exitCode(for: error)
            if code == .success || code.rawValue == 0 {
                VoicePrep.exit(withError: error)
            }
            let message = VoicePrep.fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// A mistake in how the command was called (exit 2), as opposed to a bad input file (exit 1).
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// glibc's `mallopt`, which Swift's Glibc module does not export.
enum Allocator {
    static func keepLargeBlocks() {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        _ = mallopt(-3, 32 << 20) // M_MMAP_THRESHOLD
        _ = mallopt(-1, 128 << 20) // M_TRIM_THRESHOLD
    }
}
