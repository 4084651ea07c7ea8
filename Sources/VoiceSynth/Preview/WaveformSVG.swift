import Foundation

/// Draws a message's waveform as a self-contained SVG: the envelope, segment
/// boundaries labelled with their language, and pauses shaded and labelled, so a
/// reviewer sees where the code digits fall without listening to everything.
public enum WaveformSVG {
    public static func render(samples: [Float], sampleRate: Int, segments: [TimedSegment], items: [TimedItem],
                              width: Int = 1200, height: Int = 220) -> String {
        let duration = max(0.001, Double(samples.count) / Double(max(1, sampleRate)))
        let top = 28.0, bottom = Double(height) - 24, mid = (top + bottom) / 2, half = (bottom - top) / 2
        func x(_ t: Double) -> Double { t / duration * Double(width) }
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" font-family="sans-serif" font-size="11">
        <rect width="100%" height="100%" fill="#fff"/>

        """
        for item in items where item.kind == .pause {
            svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#e8f0fe\"/>\n", x(item.start), top, max(0.5, x(item.end) - x(item.start)), bottom - top)
            if x(item.end) - x(item.start) > 24 {
                svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#5f6368\">%@</text>\n", (x(item.start) + x(item.end)) / 2, bottom + 14, escape(item.text))
            }
        }
        // Min/max envelope per pixel column.
        let perColumn = max(1, samples.count / width)
        var path = ""
        for col in 0..<width {
            let lo = col * perColumn
            guard lo < samples.count else { break }
            let hi = min(samples.count, lo + perColumn)
            var mn: Float = 0, mx: Float = 0
            for i in lo..<hi { mn = min(mn, samples[i]); mx = max(mx, samples[i]) }
            path += String(format: "M%d %.1fV%.1f", col, mid - Double(mx) * half, mid - Double(mn) * half + 0.5)
        }
        svg += "<path d=\"\(path)\" stroke=\"#1a73e8\" stroke-width=\"1\" fill=\"none\"/>\n"
        svg += String(format: "<line x1=\"0\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#dadce0\"/>\n", width, mid, mid)
        for (i, s) in segments.enumerated() {
            let colour = ["uk": "#188038", "ru": "#d93025", "en": "#9334e6"][s.language] ?? "#202124"
            svg += String(format: "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"4\" y2=\"%.1f\" stroke=\"%@\" stroke-dasharray=\"3 2\"/>\n", x(s.start), x(s.start), bottom, colour)
            let label = "\(i + 1) [\(s.language)] \(s.text.prefix(60))"
            svg += String(format: "<text x=\"%.1f\" y=\"16\" fill=\"%@\">%@</text>\n", x(s.start) + 3, colour, escape(label))
        }
        svg += String(format: "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#5f6368\">%.2f s</text>\n", width - 4, height - 4, duration)
        svg += "</svg>\n"
        return svg
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
