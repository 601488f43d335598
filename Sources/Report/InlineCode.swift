/// Output text → HTML: everything escaped, and each backtick span (`` `load` ``, as in Markdown)
/// shown as `<code>`. A backtick that opens no span stays a backtick.
enum InlineCode {
    static func html(_ text: String) -> String {
        let characters = Array(text)
        var html = ""
        var index = 0
        while index < characters.count {
            guard characters[index] == "`" else {
                let next = characters[index...].firstIndex(of: "`") ?? characters.count
                html += HTMLEscape.escape(String(characters[index..<next]))
                index = next
                continue
            }
            let length = run(in: characters, at: index)
            if let close = closing(in: characters, after: index + length, length: length) {
                var code = String(characters[(index + length)..<close])
                if code.count > 2, code.hasPrefix(" "), code.hasSuffix(" "), code.contains(where: { $0 != " " }) {
                    code = String(code.dropFirst().dropLast())
                }
                html += "<code>" + HTMLEscape.escape(code) + "</code>"
                index = close + length
            } else {
                html += String(repeating: "`", count: length)
                index += length
            }
        }
        return html
    }

    /// How many backticks start at `start`.
    private static func run(in characters: [Character], at start: Int) -> Int {
        var end = start
        while end < characters.count, characters[end] == "`" { end += 1 }
        return end - start
    }

    /// Where the next run of exactly `length` backticks at or after `start` begins.
    private static func closing(in characters: [Character], after start: Int, length: Int) -> Int? {
        var index = start
        while index < characters.count {
            if characters[index] == "`" {
                let found = run(in: characters, at: index)
                if found == length { return index }
                index += found
            } else {
                index += 1
            }
        }
        return nil
    }
}
