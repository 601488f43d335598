/// Estimated text widths for a system sans-serif, good enough to lay out margins, avoid overlapping
/// labels and truncate long ones — charts load no fonts, so exact metrics are not available.
enum TextMetrics {
    /// The approximate rendered width of `text` at `fontSize` pixels.
    static func width(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + em(of: $1) } * fontSize
    }

    /// `text` shortened with a trailing "…" so that it fits in `maxWidth` (unchanged if it fits).
    static func truncated(_ text: String, toWidth maxWidth: Double, fontSize: Double) -> String {
        guard width(text, fontSize: fontSize) > maxWidth else { return text }
        let ellipsis = width("…", fontSize: fontSize)
        var kept = ""
        var used = 0.0
        for character in text {
            let next = width(String(character), fontSize: fontSize)
            if used + next + ellipsis > maxWidth { break }
            kept.append(character)
            used += next
        }
        return kept + "…"
    }

    /// Width of one character in ems (averages measured on Helvetica/Arial/Roboto-like faces).
    private static func em(of scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "i", "j", "l", "I", "!", "|", "'", ".", ",", ":", ";", "`": return 0.28
        case "f", "t", "r", " ", "(", ")", "[", "]", "{", "}", "/", "\\", "-", "\"": return 0.36
        case "m", "w", "M", "W", "@", "%": return 0.86
        case "0"..."9", "$", "#", "+", "=", "<", ">", "~", "*", "?", "_", "−": return 0.57
        case "a"..."z": return 0.53
        case "A"..."Z": return 0.68
        default: return scalar.value > 0x2E7F ? 1.0 : 0.6   // CJK and symbols are wide
        }
    }
}
