/// A `{{ name }}` in a notebook's text: spaces (or tabs) inside the braces are optional, and the
/// name is a letter or `_`, then letters, digits and `_`. Anything else after `{{` — a Quarto
/// shortcode `{{< … >}}`, a digit, an unclosed brace — is not a placeholder and stays as written.
struct Placeholder: Equatable {
    /// The name between the braces.
    var name: String
    /// The bytes from the first `{` to the last `}`.
    var range: Range<Int>

    /// The placeholder that starts at `start` in `bytes`, or nil.
    static func match(_ bytes: [UInt8], at start: Int) -> Placeholder? {
        guard start + 1 < bytes.count, bytes[start] == ASCII.openBrace, bytes[start + 1] == ASCII.openBrace else { return nil }
        var index = LineScanner.skipSpaces(bytes, from: start + 2)
        let nameStart = index
        guard index < bytes.count, Parameter.isNameStart(bytes[index]) else { return nil }
        while index < bytes.count, Parameter.isNameByte(bytes[index]) { index += 1 }
        let nameEnd = index
        index = LineScanner.skipSpaces(bytes, from: index)
        guard index + 1 < bytes.count, bytes[index] == ASCII.closeBrace, bytes[index + 1] == ASCII.closeBrace else { return nil }
        return Placeholder(name: String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self), range: start..<(index + 2))
    }

    /// Whether `bytes` holds `\{{` at `start` (an escaped placeholder).
    static func isEscape(_ bytes: [UInt8], at start: Int) -> Bool {
        start + 2 < bytes.count && bytes[start] == ASCII.backslash && bytes[start + 1] == ASCII.openBrace
            && bytes[start + 2] == ASCII.openBrace
    }
}
