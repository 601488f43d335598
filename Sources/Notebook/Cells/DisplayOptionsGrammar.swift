import Foundation

/// The Quarto-style `#| key: value` lines at the top of a cell body, which say how the report
/// shows the cell (`echo`, `output`, `code-fold`, `fig-cap`).
///
/// Only lines before the body's first other non-blank line are options; a `#|` line after that is
/// an ordinary comment. Values are booleans (`ValueSyntax.boolean`), but `fig-cap`'s and `label`'s are text
/// (`ModelLabel` checks a label; the document checks that labels are unique and sit on model cells); a key Folio does not know
/// (Quarto has many) is a note, not an error. The directive grammars skip these lines as comments.
enum DisplayOptionsGrammar {
    static let keys = ["echo", "output", "code-fold", "fig-cap", "label"]
    /// The longest `fig-cap`, in characters.
    static let maximumCaptionLength = 300

    /// What the option lines say, and the number of the last one (nil when there are none).
    struct Reading {
        var display = CellDisplay()
        var lastOptionLine: Int?
        /// Where `label`'s value is written (in the substituted text), when the cell has a valid one.
        var labelLocation: SourceLocation?
    }

    static func read(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> Reading {
        var reading = Reading()
        var seen: [String: Int] = [:]
        for line in cell.lines {
            let start = LineScanner.skipSpaces(line.bytes, from: 0)
            if start == line.bytes.count { continue }
            guard let option = optionText(line.bytes, at: start) else { break }
            reading.lastOptionLine = line.number
            switch OptionLineLexeme.read(option, line: line.number) {
            case .nothing:
                continue
            case .malformed(let text, let column, _):
                diagnostics.error(line: line.number, column: column, "expected a cell option written as `#| key: value`, got '\(text)'",
                                  hint: "cell options are `#| echo: false`, `#| output: false`, `#| code-fold: true`, `#| fig-cap: text`, `#| label: name`")
            case .badQuote(_, let message, let column):
                diagnostics.error(line: line.number, column: column, message, hint: "close the quote, or leave the quotes out")
            case .option(let written):
                let key = written.key.text
                guard keys.contains(key) else {
                    diagnostics.note(line: line.number, column: written.key.column,
                                     "cell option '\(key)' is not used by Folio" + Suggestion.didYouMean(key, among: keys))
                    continue
                }
                if let first = seen[key] {
                    diagnostics.error(line: line.number, column: written.key.column, "'\(key)' is set twice (first on line \(first))",
                                      hint: "keep only one `#| \(key):` line")
                    continue
                }
                seen[key] = line.number
                if key == "label" {
                    reading.display.label = ModelLabel.read(written, diagnostics: &diagnostics)
                    if reading.display.label != nil {
                        reading.labelLocation = SourceLocation(file: cell.fence.file, line: line.number, column: written.value.column)
                    }
                    continue
                }
                apply(written, to: &reading.display, diagnostics: &diagnostics)
            }
        }
        return reading
    }

    /// The line with its `#|` blanked out (so columns stay the file's), or nil when it is not an option line.
    private static func optionText(_ bytes: [UInt8], at start: Int) -> [UInt8]? {
        guard start + 1 < bytes.count, bytes[start] == ASCII.hash, bytes[start + 1] == ASCII.bar else { return nil }
        var option = bytes
        option[start] = ASCII.space
        option[start + 1] = ASCII.space
        return option
    }

    private static func apply(_ option: OptionLine, to display: inout CellDisplay, diagnostics: inout DiagnosticCollector) {
        if option.key.text == "fig-cap" {
            display.figureCaption = caption(option, diagnostics: &diagnostics)
            return
        }
        guard let value = ValueSyntax.boolean(option.value.text) else {
            let got = option.value.text.isEmpty ? "nothing" : "'\(option.value.text)'"
            diagnostics.error(line: option.line, column: option.value.column,
                              "'\(option.key.text)' must be true or false, got \(got)",
                              hint: "write `#| \(option.key.text): true` or `#| \(option.key.text): false`")
            return
        }
        switch option.key.text {
        case "echo": display.echo = value
        case "output": display.output = value
        default: display.codeFold = value
        }
    }

    /// `fig-cap`'s text, or nil after a diagnostic: it must be one line of visible text.
    private static func caption(_ option: OptionLine, diagnostics: inout DiagnosticCollector) -> String? {
        TextOptionValue.read(option, needs: "a caption", maximumLength: maximumCaptionLength,
                             hint: "write a short caption, e.g. `#| fig-cap: Loss and accuracy per epoch`", diagnostics: &diagnostics)
    }
}
