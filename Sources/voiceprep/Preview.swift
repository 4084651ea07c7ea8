import Foundation
import VoiceMedia
import VoiceSynth

enum Preview {
    /// Draws the waveform of the written file (what the provider will play), with the timeline.
    static func writeWaveform(_ result: RenderedMessage, to path: String) throws {
        let audio = try AudioFile.readMono(path: result.file)
        let svg = WaveformSVG.render(samples: audio.samples, sampleRate: audio.sampleRate, segments: result.segments, items: result.items)
        try AtomicText.write(svg, to: path)
    }
}

/// Small text outputs (SVG, HTML) written whole or not at all.
enum AtomicText {
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw UsageError("\(path): cannot write (\(error.localizedDescription))")
        }
    }
}

enum Player {
    /// Plays through PulseAudio or ALSA when a device exists; says plainly when none does.
    static func play(_ file: String) {
        let candidates = [("paplay", [file]), ("aplay", ["-q", file])]
        for (tool, args) in candidates {
            guard let path = which(tool) else { continue }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: path)
            p.arguments = args
            p.standardError = FileHandle.nullDevice
            do {
                try p.run()
                p.waitUntilExit()
                if p.terminationStatus == 0 { return }
            } catch { continue }
        }
        Terminal.note("--play: no audio output is available here (no working paplay/aplay device); the file is \(file)")
    }

    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
