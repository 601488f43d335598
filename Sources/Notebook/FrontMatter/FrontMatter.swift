/// The optional block of `key: value` lines between `---` lines at the very top of a notebook.
///
/// A tiny flat grammar read by hand (no YAML library): blank lines and `# comments` are allowed,
/// the keys are `title` (text, quotes optional) and `seed` (integer 0…2⁶³−1), each at most once.
/// The block ends at the next line `---` or `...`.
struct FrontMatter {
    static let defaultSeed: UInt64 = 42
    static let keys = ["title", "seed"]
    static let seedRange = 0...Int.max

    var title: String?
    var seed: UInt64 = FrontMatter.defaultSeed
    var seedIsExplicit = false
    /// The front matter's last line (its closing delimiter); 0 when there is no front matter.
    var lastLine = 0

    /// Reads the front matter at the top of `text`, if any, reporting every problem in it.
    static func read(_ text: SourceText, diagnostics: inout DiagnosticCollector) -> FrontMatter {
        var matter = FrontMatter()
        guard text.lineCount > 0, isDelimiter(text.line(1), allowDots: false) else { return matter }
        guard let closing = (2...max(2, text.lineCount)).first(where: { isDelimiter(text.line($0), allowDots: true) }),
              closing <= text.lineCount else {
            diagnostics.error(line: 1, column: 1, "the front matter that starts here is never closed",
                              hint: "end it with a line `---` (or `...`) before the Markdown starts")
            matter.lastLine = text.lineCount
            return matter
        }
        matter.lastLine = closing
        var seen: [String: Int] = [:]
        for number in 2..<closing {
            switch OptionLineLexeme.read(text.line(number), line: number) {
            case .nothing:
                continue
            case .malformed(let content, let column, _):
                diagnostics.error(line: number, column: column, "expected `key: value` in the front matter, got '\(content)'",
                                  hint: "the front matter holds `title: …` and `seed: …` lines and ends with a line `---`")
            case .badQuote(_, let message, let column):
                diagnostics.error(line: number, column: column, message, hint: "close the quote, or leave the quotes out")
            case .option(let option):
                let key = option.key.text
                guard keys.contains(key) else {
                    diagnostics.error(line: number, column: option.key.column,
                                      "unknown front matter key '\(key)'" + Suggestion.didYouMean(key, among: keys),
                                      hint: "the front matter takes: \(keys.joined(separator: ", "))")
                    continue
                }
                if let first = seen[key] {
                    diagnostics.error(line: number, column: option.key.column, "'\(key)' is set twice (first on line \(first))",
                                      hint: "keep only one `\(key):` line")
                    continue
                }
                seen[key] = number
                matter.apply(option, diagnostics: &diagnostics)
            }
        }
        return matter
    }

    private mutating func apply(_ option: OptionLine, diagnostics: inout DiagnosticCollector) {
        let value = option.value
        guard !value.text.isEmpty else {
            diagnostics.error(line: option.line, column: value.column, "'\(option.key.text)' has no value",
                              hint: "write a value after the colon, or remove the line")
            return
        }
        if option.key.text == "title" {
            title = value.text
            return
        }
        guard let seed = ValueSyntax.integer(value.text), Self.seedRange.contains(seed) else {
            diagnostics.error(line: option.line, column: value.column,
                              "'seed' must be an integer from 0 to \(Int.max), got '\(value.text)'")
            return
        }
        self.seed = UInt64(seed)
        seedIsExplicit = true
    }

    /// `---` (or, to close, `...`) alone on a line, trailing spaces allowed.
    private static func isDelimiter(_ line: [UInt8], allowDots: Bool) -> Bool {
        var bytes = line[...]
        while let last = bytes.last, ASCII.isSpaceOrTab(last) { bytes = bytes.dropLast() }
        return bytes.elementsEqual("---".utf8) || (allowDots && bytes.elementsEqual("...".utf8))
    }
}
