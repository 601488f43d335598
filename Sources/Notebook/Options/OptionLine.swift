/// One `key: value` line, from a cell body or the front matter.
///
/// Spaces around the colon are optional, the value is trimmed, and a `#` after a space or tab
/// starts a comment. A value wrapped in matching single or double quotes is taken literally
/// (quotes removed, `#` kept); there are no escapes inside quotes.
struct OptionLine {
    var key: Token
    /// The value's text; its column is where the value (or its opening quote) starts.
    var value: Token
    var line: Int
    /// Whether the value was written in quotes (its text then starts one column after `value.column`).
    var valueIsQuoted = false
}

/// What one line of a `key: value` block turned out to be.
enum OptionLineLexeme {
    /// Blank or a whole-line `# comment`.
    case nothing
    case option(OptionLine)
    /// Not of the form `key: value`; `column` is where the line's text starts, `leadingWord`
    /// the key-like word it starts with (maybe empty), so "missing option" is not reported too.
    case malformed(text: String, column: Int, leadingWord: String)
    /// A quoted value that is not closed, or text after the closing quote.
    case badQuote(key: String, message: String, column: Int)
}

extension OptionLineLexeme {
    /// Reads line number `line` whose bytes are `bytes`.
    static func read(_ bytes: [UInt8], line: Int) -> OptionLineLexeme {
        let start = LineScanner.skipSpaces(bytes, from: 0)
        guard start < bytes.count, bytes[start] != ASCII.hash else { return .nothing }
        var keyEnd = start
        while keyEnd < bytes.count, ASCII.isKeyByte(bytes[keyEnd]) { keyEnd += 1 }
        let colon = LineScanner.skipSpaces(bytes, from: keyEnd)
        guard keyEnd > start, colon < bytes.count, bytes[colon] == ASCII.colon else {
            let end = LineScanner.contentEnd(bytes, from: start)
            return .malformed(text: String(decoding: bytes[start..<max(end, start)], as: UTF8.self), column: start + 1,
                              leadingWord: String(decoding: bytes[start..<keyEnd], as: UTF8.self))
        }
        let key = Token(bytes[start..<keyEnd], column: start + 1)
        let valueStart = LineScanner.skipSpaces(bytes, from: colon + 1)
        guard valueStart < bytes.count,
              bytes[valueStart] == ASCII.doubleQuote || bytes[valueStart] == ASCII.singleQuote else {
            let end = LineScanner.contentEnd(bytes, from: valueStart)
            let value = Token(bytes[valueStart..<max(end, valueStart)], column: valueStart + 1)
            return .option(OptionLine(key: key, value: value, line: line))
        }
        let quote = bytes[valueStart]
        guard let close = bytes[(valueStart + 1)...].firstIndex(of: quote) else {
            return .badQuote(key: key.text, message: "the quoted value of '\(key.text)' has no closing \(quote == ASCII.doubleQuote ? "\"" : "'")",
                             column: valueStart + 1)
        }
        let after = LineScanner.skipSpaces(bytes, from: close + 1)
        if after < bytes.count, bytes[after] != ASCII.hash {
            return .badQuote(key: key.text, message: "unexpected text after the quoted value of '\(key.text)'", column: after + 1)
        }
        let value = Token(bytes[(valueStart + 1)..<close], column: valueStart + 1)
        return .option(OptionLine(key: key, value: value, line: line, valueIsQuoted: true))
    }
}
