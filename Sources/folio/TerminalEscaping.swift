/// Makes text safe to print on a terminal: control characters that could retitle the window, move
/// the cursor or clear the screen are shown as Swift-style escapes (`\u{1B}`) instead of acting.
///
/// Escaped: C0 controls except tab and newline, DEL, and the C1 controls U+0080–U+009F.
/// Everything else (including all other Unicode) is kept as it is.
enum TerminalEscaping {
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// C0 except tab and newline, DEL, C1.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }
}
