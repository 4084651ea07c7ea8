import Foundation

/// One HTML page for a rendered batch: per message an audio player, the text, what
/// was spoken and the waveform, so a content team listens only where needed.
public enum BatchPage {
    public struct Entry: Sendable {
        public var id: String
        public var text: String
        public var spoken: String
        public var audioFile: String?
        public var svgFile: String?
        public var error: String?
        public init(id: String, text: String, spoken: String, audioFile: String?, svgFile: String?, error: String?) {
            self.id = id
            self.text = text
            self.spoken = spoken
            self.audioFile = audioFile
            self.svgFile = svgFile
            self.error = error
        }
    }

    public static func render(title: String, entries: [Entry]) -> String {
        let e = WaveformSVG.escape
        var html = """
        <!doctype html><html><head><meta charset="utf-8"><title>\(e(title))</title>
        <style>body{font-family:sans-serif;margin:2em;max-width:1250px}section{border-top:1px solid #ddd;padding:1em 0}
        .err{color:#d93025}pre{white-space:pre-wrap;background:#f8f9fa;padding:.5em}img{max-width:100%}</style></head><body>
        <h1>\(e(title))</h1><p>\(entries.count) messages, \(entries.filter { $0.error != nil }.count) failed.</p>

        """
        for entry in entries {
            html += "<section id=\"\(e(entry.id))\"><h2>\(e(entry.id))</h2><p>\(e(entry.text))</p>\n"
            if let error = entry.error {
                html += "<p class=\"err\">\(e(error))</p>\n"
            } else {
                if let audio = entry.audioFile { html += "<audio controls preload=\"none\" src=\"\(e(audio))\"></audio>\n" }
                html += "<pre>\(e(entry.spoken))</pre>\n"
                if let svg = entry.svgFile { html += "<img src=\"\(e(svg))\" alt=\"waveform of \(e(entry.id))\">\n" }
            }
            html += "</section>\n"
        }
        return html + "</body></html>\n"
    }
}
