import CSndFile

/// What a file is: the facts `validate` prints and profiles check.
public struct AudioFormat: Codable, Equatable, Sendable {
    /// Container, lower case: `wav`, `wavex`, `flac`, `ogg`, `aiff`, `au`, `caf`, `w64`, `rf64`, `mp3`, ...
    public var container: String
    /// Sample encoding: `pcm_s16`, `pcm_s24`, `pcm_u8`, `float32`, `ulaw`, `alaw`, `vorbis`, ...
    public var codec: String
    public var sampleRate: Int
    public var channels: Int
    /// Bits per sample for PCM-like codecs; nil where it does not apply (vorbis, mp3).
    public var bitDepth: Int?
    public var frames: Int64
    public var fileSize: Int

    public var duration: Double { sampleRate > 0 ? Double(frames) / Double(sampleRate) : 0 }

    public init(container: String, codec: String, sampleRate: Int, channels: Int, bitDepth: Int?, frames: Int64, fileSize: Int) {
        self.container = container
        self.codec = codec
        self.sampleRate = sampleRate
        self.channels = channels
        self.bitDepth = bitDepth
        self.frames = frames
        self.fileSize = fileSize
    }

    public var summary: String {
        let depth = bitDepth.map { "\($0)-bit " } ?? ""
        let ch = channels == 1 ? "mono" : channels == 2 ? "stereo" : "\(channels) ch"
        return "\(container.uppercased()) \(depth)\(codec), \(sampleRate) Hz, \(ch), \(Format.seconds(duration)), \(Format.bytes(fileSize))"
    }
}

/// Mapping between libsndfile format codes and the names profiles use.
enum SndFormat {
    static let containers: [(Int32, String)] = [
        (Int32(SF_FORMAT_WAV), "wav"), (Int32(SF_FORMAT_WAVEX), "wavex"), (Int32(SF_FORMAT_AIFF), "aiff"),
        (Int32(SF_FORMAT_AU), "au"), (Int32(SF_FORMAT_RAW), "raw"), (Int32(SF_FORMAT_FLAC), "flac"),
        (Int32(SF_FORMAT_OGG), "ogg"), (Int32(SF_FORMAT_CAF), "caf"), (Int32(SF_FORMAT_W64), "w64"),
        (Int32(SF_FORMAT_RF64), "rf64"), (Int32(SF_FORMAT_MPEG), "mp3"), (Int32(SF_FORMAT_IRCAM), "ircam"),
        (Int32(SF_FORMAT_VOC), "voc"), (Int32(SF_FORMAT_NIST), "nist"), (Int32(SF_FORMAT_PAF), "paf"),
        (Int32(SF_FORMAT_SVX), "svx"), (Int32(SF_FORMAT_MAT4), "mat4"), (Int32(SF_FORMAT_MAT5), "mat5"),
        (Int32(SF_FORMAT_AVR), "avr"), (Int32(SF_FORMAT_HTK), "htk"), (Int32(SF_FORMAT_SDS), "sds"),
        (Int32(SF_FORMAT_WVE), "wve"), (Int32(SF_FORMAT_MPC2K), "mpc2k"), (Int32(SF_FORMAT_SD2), "sd2"),
        (Int32(SF_FORMAT_XI), "xi"),
    ]

    static let codecs: [(Int32, String, Int?)] = [
        (Int32(SF_FORMAT_PCM_S8), "pcm_s8", 8), (Int32(SF_FORMAT_PCM_U8), "pcm_u8", 8),
        (Int32(SF_FORMAT_PCM_16), "pcm_s16", 16), (Int32(SF_FORMAT_PCM_24), "pcm_s24", 24),
        (Int32(SF_FORMAT_PCM_32), "pcm_s32", 32), (Int32(SF_FORMAT_FLOAT), "float32", 32),
        (Int32(SF_FORMAT_DOUBLE), "float64", 64), (Int32(SF_FORMAT_ULAW), "ulaw", 8),
        (Int32(SF_FORMAT_ALAW), "alaw", 8), (Int32(SF_FORMAT_IMA_ADPCM), "ima_adpcm", 4),
        (Int32(SF_FORMAT_MS_ADPCM), "ms_adpcm", 4), (Int32(SF_FORMAT_GSM610), "gsm610", nil),
        (Int32(SF_FORMAT_G721_32), "g721", 4), (Int32(SF_FORMAT_G723_24), "g723_24", 3),
        (Int32(SF_FORMAT_G723_40), "g723_40", 5), (Int32(SF_FORMAT_VORBIS), "vorbis", nil),
        (Int32(SF_FORMAT_OPUS), "opus", nil), (Int32(SF_FORMAT_MPEG_LAYER_I), "mp1", nil),
        (Int32(SF_FORMAT_MPEG_LAYER_II), "mp2", nil), (Int32(SF_FORMAT_MPEG_LAYER_III), "mp3", nil),
        (Int32(SF_FORMAT_DWVW_12), "dwvw12", 12), (Int32(SF_FORMAT_DWVW_16), "dwvw16", 16),
        (Int32(SF_FORMAT_DWVW_24), "dwvw24", 24), (Int32(SF_FORMAT_VOX_ADPCM), "vox_adpcm", 4),
        (Int32(SF_FORMAT_NMS_ADPCM_16), "nms_adpcm16", nil), (Int32(SF_FORMAT_NMS_ADPCM_24), "nms_adpcm24", nil),
        (Int32(SF_FORMAT_NMS_ADPCM_32), "nms_adpcm32", nil), (Int32(SF_FORMAT_ALAC_16), "alac16", 16),
        (Int32(SF_FORMAT_ALAC_20), "alac20", 20), (Int32(SF_FORMAT_ALAC_24), "alac24", 24),
        (Int32(SF_FORMAT_ALAC_32), "alac32", 32), (Int32(SF_FORMAT_DPCM_8), "dpcm8", 8),
        (Int32(SF_FORMAT_DPCM_16), "dpcm16", 16),
    ]

    static func container(_ format: Int32) -> String {
        let major = format & Int32(SF_FORMAT_TYPEMASK)
        return containers.first { $0.0 == major }?.1 ?? String(format: "0x%06x", major)
    }

    static func codec(_ format: Int32) -> (name: String, bits: Int?) {
        let sub = format & Int32(SF_FORMAT_SUBMASK)
        if let hit = codecs.first(where: { $0.0 == sub }) { return (hit.1, hit.2) }
        return (String(format: "0x%04x", sub), nil)
    }

    static func code(container name: String) -> Int32? { containers.first { $0.1 == name }?.0 }
    static func code(codec name: String) -> Int32? { codecs.first { $0.1 == name }?.0 }
    static func bits(codec name: String) -> Int? { codecs.first { $0.1 == name }?.2 }
}

extension SndFormat {
    /// Integer PCM codecs, where the converter quantises with dither itself.
    static func isLinear(_ codec: String) -> Bool {
        ["pcm_s8", "pcm_u8", "pcm_s16", "pcm_s24", "pcm_s32"].contains(codec)
    }
}
