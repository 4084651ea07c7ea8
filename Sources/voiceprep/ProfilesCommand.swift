import ArgumentParser
import VoiceMedia

struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List the built-in provider profiles and their values.",
        discussion: "Neither provider publishes its limits; the values are telephony-safe defaults. Override any field with --profile-file or flags.")

    @Flag(help: "One JSON object per profile.") var json = false

    func run() throws {
        for p in Profile.builtIn {
            if json { Terminal.json(p); continue }
            print("""
            \(p.name)  —  \(p.description)
              format      \(p.container.uppercased()) \(p.codec), \(p.sampleRate) Hz, \(p.channels == 1 ? "mono" : "\(p.channels) channels")
              duration    \(Format.seconds(p.minDuration)) – \(Format.seconds(p.maxDuration))
              max size    \(Format.bytes(p.maxSize)) (\(p.maxSize) bytes)
              loudness    \(Format.db(p.loudness, unit: "LUFS")) ±\(p.loudnessTolerance) LU, true peak ≤ \(Format.db(p.truePeak, unit: "dBTP"))
              silence     \(p.trimSilence ? "trimmed to \(Format.seconds(p.silencePad)) pads" : "kept"), warn beyond \(Format.seconds(p.maxEdgeSilence)) at an edge, threshold \(Format.db(p.silenceThreshold, unit: "dBFS"))

            """)
        }
    }
}
