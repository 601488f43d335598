/// The `key: value` options of one cell, checked against the keys its directive knows.
///
/// Reading them reports malformed lines, unknown keys (with a suggestion) and duplicates; the
/// typed accessors in `CellOptions+Values.swift` report missing and ill-typed values.
struct CellOptions {
    let cell: CellBody
    /// The keys this directive accepts, in the order the documentation lists them.
    let keys: [String]
    private var entries: [String: OptionLine] = [:]
    /// Known keys written on lines that could not be read (already reported).
    private var unreadable: Set<String> = []

    /// - Parameter example: a valid option line for this directive, shown in hints.
    init(_ cell: CellBody, keys: [String], example: String, diagnostics: inout DiagnosticCollector) {
        self.cell = cell
        self.keys = keys
        for line in cell.lines {
            switch OptionLineLexeme.read(line.bytes, line: line.number) {
            case .nothing:
                continue
            case .malformed(let text, let column, let leadingWord):
                if keys.contains(leadingWord) { unreadable.insert(leadingWord) }
                diagnostics.error(line: line.number, column: column,
                                  "expected an option written as `key: value`, got '\(text)'",
                                  hint: "\(cell.name) options are one per line, e.g. `\(example)`")
            case .badQuote(let key, let message, let column):
                if keys.contains(key) { unreadable.insert(key) }
                diagnostics.error(line: line.number, column: column, message,
                                  hint: "close the quote, or leave the quotes out")
            case .option(let option):
                record(option, diagnostics: &diagnostics)
            }
        }
    }

    private mutating func record(_ option: OptionLine, diagnostics: inout DiagnosticCollector) {
        let key = option.key.text
        guard keys.contains(key) else {
            diagnostics.error(line: option.line, column: option.key.column,
                              "unknown \(cell.name) option '\(key)'" + Suggestion.didYouMean(key, among: keys),
                              hint: "\(cell.name) takes: \(keys.joined(separator: ", "))")
            return
        }
        if let first = entries[key] {
            diagnostics.error(line: option.line, column: option.key.column,
                              "'\(key)' is set twice (first on line \(first.line))",
                              hint: "keep only one `\(key):` line")
            return
        }
        entries[key] = option
    }

    /// The option written for `key`, if any (whatever its value).
    subscript(key: String) -> OptionLine? { entries[key] }

    /// Whether `key` was written, readable or not: a missing option must not be reported then.
    func mentions(_ key: String) -> Bool { entries[key] != nil || unreadable.contains(key) }

    /// Whether no option at all was written.
    var isEmpty: Bool { entries.isEmpty }

    /// The location of `option`'s value.
    func valueLocation(_ option: OptionLine) -> SourceLocation {
        SourceLocation(file: cell.fence.file, line: option.line, column: option.value.column)
    }

    /// The location of `option`'s key.
    func keyLocation(_ option: OptionLine) -> SourceLocation {
        SourceLocation(file: cell.fence.file, line: option.line, column: option.key.column)
    }
}
