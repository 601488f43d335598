/// Escaping of text and attribute values for SVG/XML output.
enum XMLEscape {
    /// `text` made safe for XML element content and (double- or single-quoted) attribute values.
    ///
    /// The five markup characters become entities; characters that XML 1.0 forbids (most C0 controls,
    /// U+FFFE, U+FFFF) are dropped, so even hostile input yields a well-formed document.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if isAllowedInXML(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    private static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
