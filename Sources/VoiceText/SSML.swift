/// espeak-ng SSML for one segment: explicit `<break>` elements (espeak's `say-as
/// characters` leaves no audible gap between digits), words XML-escaped.
public enum SSML {
    public static func render(_ segment: SpeechSegment) -> String {
        var out = "<speak xml:lang=\"\(segment.language.rawValue)\">"
        for item in segment.items {
            switch item {
            case let .words(w): out += escape(w) + " "
            case let .pause(ms): out += "<break time=\"\(ms)ms\"/>"
            }
        }
        return out + "</speak>"
    }

    public static func escape(_ s: String) -> String {
        var r = ""
        for ch in s {
            switch ch {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            case "'": r += "&apos;"
            default: r.append(ch)
            }
        }
        return r
    }
}
