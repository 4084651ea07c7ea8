import ArgumentParser
import VoiceMedia

/// Profile selection shared by every command that checks or converts audio.
struct ProfileOptions: ParsableArguments {
    @Option(name: .long, help: "Built-in profile (see `voiceprep profiles`).")
    var profile: String = Profile.alphasmsVoice.name

    @Option(name: .customLong("profile-file"), help: "JSON or TOML file overriding profile fields (`base` picks the built-in to start from).")
    var profileFile: String?

    @Option(name: .customLong("max-duration"), help: "Override: longest accepted message, seconds.")
    var maxDuration: Double?
    @Option(name: .customLong("min-duration"), help: "Override: shortest accepted message, seconds.")
    var minDuration: Double?
    @Option(name: .customLong("max-size"), help: "Override: largest accepted file, bytes.")
    var maxSize: Int?
    @Option(name: .customLong("sample-rate"), help: "Override: sample rate, Hz.")
    var sampleRate: Int?
    @Option(name: .long, help: "Override: channel count.")
    var channels: Int?
    @Option(name: .long, help: "Override: sample format (pcm_s16, pcm_u8, ulaw, alaw, pcm_s24, float32).")
    var codec: String?
    @Option(name: .long, help: "Override: integrated loudness target, LUFS.")
    var loudness: Double?
    @Option(name: .customLong("true-peak"), help: "Override: true-peak ceiling, dBTP.")
    var truePeak: Double?
    @Flag(name: .customLong("no-trim"), help: "Override: keep leading and trailing silence.")
    var noTrim = false

    func resolve() throws -> Profile {
        do {
            var p = try Profile.named(profile)
            if let profileFile { p = try ProfileFile.load(path: profileFile, over: p) }
            if let maxDuration { p.maxDuration = maxDuration }
            if let minDuration { p.minDuration = minDuration }
            if let maxSize { p.maxSize = maxSize }
            if let sampleRate { p.sampleRate = sampleRate }
            if let channels { p.channels = channels }
            if let codec { p.codec = codec }
            if let loudness { p.loudness = loudness }
            if let truePeak { p.truePeak = truePeak }
            if noTrim { p.trimSilence = false }
            return try p.checked()
        } catch let error as ProfileError {
            throw UsageError(error.description)
        }
    }
}
