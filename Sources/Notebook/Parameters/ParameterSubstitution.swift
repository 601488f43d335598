/// Writes parameters' values into a notebook's text, line by line, keeping a `ColumnMap` back to
/// the text as written.
///
/// In a cell body every `{{ name }}` is replaced by the value as it would be written (`2`, `0.01`,
/// `relu`) and `\{{` by `{{`. In prose, code spans are left alone, a backslash escapes the
/// character after it as in Markdown (so `\{{` stays, and Markdown shows `{{`), and a value is
/// inserted with its punctuation backslash-escaped, so it reads as written and never as Markdown.
/// A name that is not a parameter is an error at its `{{`.
struct ParameterSubstitution {
    let values: [String: ParameterValue]
    /// How many bytes the text may grow by in all (the notebook's size limit still holds after substitution).
    let growthLimit: Int
    private(set) var columnMap = ColumnMap()
    /// The substituted lines, by line number.
    private(set) var lines: [Int: [UInt8]] = [:]
    /// Lines holding a `{{ name }}` that names no parameter (already reported; the grammar's
    /// complaints about the braces left there would only repeat it).
    private(set) var linesWithUnknownNames = Set<Int>()
    private var grown = 0
    private var reportedGrowth = false

    init(parameters: [Parameter], growthLimit: Int) {
        var values: [String: ParameterValue] = [:]
        for parameter in parameters { values[parameter.name] = parameter.value }
        self.values = values
        self.growthLimit = growthLimit
    }

    /// A byte range of one line and what replaces it.
    private struct Edit {
        var range: Range<Int>
        var bytes: [UInt8]
    }

    // MARK: - Cell bodies

    /// Substitutes one line of a cell body.
    mutating func substituteCellLine(_ bytes: [UInt8], line: Int, diagnostics: inout DiagnosticCollector) {
        var edits: [Edit] = []
        var index = 0
        while index < bytes.count {
            if Placeholder.isEscape(bytes, at: index) {
                edits.append(Edit(range: index..<(index + 1), bytes: []))
                index += 3
            } else if let placeholder = Placeholder.match(bytes, at: index) {
                if let value = value(of: placeholder, line: line, diagnostics: &diagnostics) {
                    edits.append(Edit(range: placeholder.range, bytes: Array(value.text.utf8)))
                }
                index = placeholder.range.upperBound
            } else {
                index += 1
            }
        }
        apply(edits, to: bytes, line: line, diagnostics: &diagnostics)
    }

    // MARK: - Prose

    /// Substitutes one block of prose: consecutive non-blank lines outside code blocks, within
    /// which a code span may run from one line to the next.
    mutating func substituteProse(_ block: [(number: Int, bytes: [UInt8])], diagnostics: inout DiagnosticCollector) {
        var joined: [UInt8] = []
        var starts: [Int] = []
        for (position, line) in block.enumerated() {
            if position > 0 { joined.append(ASCII.newline) }
            starts.append(joined.count)
            joined += line.bytes
        }
        var editsByLine: [Int: [Edit]] = [:]
        var index = 0
        while index < joined.count {
            let byte = joined[index]
            if byte == ASCII.backslash {
                index += 2
            } else if byte == ASCII.backtick {
                index = Self.endOfCodeSpan(joined, openingAt: index)
            } else if let placeholder = Placeholder.match(joined, at: index) {
                let position = starts.lastIndex { $0 <= index } ?? 0
                let start = starts[position]
                let line = block[position].number
                let local = Placeholder(name: placeholder.name,
                                        range: (placeholder.range.lowerBound - start)..<(placeholder.range.upperBound - start))
                if let value = value(of: local, line: line, diagnostics: &diagnostics) {
                    editsByLine[position, default: []].append(Edit(range: local.range, bytes: Self.markdownEscaped(value.text)))
                }
                index = placeholder.range.upperBound
            } else {
                index += 1
            }
        }
        for (position, edits) in editsByLine.sorted(by: { $0.key < $1.key }) {
            apply(edits, to: block[position].bytes, line: block[position].number, diagnostics: &diagnostics)
        }
    }

    /// Where scanning resumes after the backtick run at `start`: past its code span when a run of
    /// the same length closes it, else just past the run (it is then literal backticks).
    static func endOfCodeSpan(_ bytes: [UInt8], openingAt start: Int) -> Int {
        var end = start
        while end < bytes.count, bytes[end] == ASCII.backtick { end += 1 }
        let length = end - start
        var index = end
        while index < bytes.count {
            guard bytes[index] == ASCII.backtick else { index += 1; continue }
            var runEnd = index
            while runEnd < bytes.count, bytes[runEnd] == ASCII.backtick { runEnd += 1 }
            if runEnd - index == length { return runEnd }
            index = runEnd
        }
        return end
    }

    /// `text` with each ASCII punctuation character backslash-escaped, so Markdown shows it as written.
    static func markdownEscaped(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if ASCII.isPunctuation(byte) { bytes.append(ASCII.backslash) }
            bytes.append(byte)
        }
        return bytes
    }

    // MARK: - Shared

    /// The value of a placeholder's parameter; an error at its `{{` when there is no such parameter.
    private mutating func value(of placeholder: Placeholder, line: Int, diagnostics: inout DiagnosticCollector) -> ParameterValue? {
        if let value = values[placeholder.name] { return value }
        linesWithUnknownNames.insert(line)
        let names = values.keys.sorted()
        let hint = names.isEmpty
            ? "declare it in the front matter: `params:`, then `  \(placeholder.name): DEFAULT` on the next line; write `\\{{` for literal braces"
            : "the notebook's parameters: \(names.joined(separator: ", ")); write `\\{{` for literal braces"
        diagnostics.error(line: line, column: placeholder.range.lowerBound + 1,
                          "unknown parameter '\(placeholder.name)'" + Suggestion.didYouMean(placeholder.name, among: names), hint: hint)
        return nil
    }

    /// Applies `edits` (left to right, not overlapping) to line `line` and records where its columns were.
    private mutating func apply(_ edits: [Edit], to bytes: [UInt8], line: Int, diagnostics: inout DiagnosticCollector) {
        guard !edits.isEmpty else { return }
        var result: [UInt8] = []
        var replacements: [ColumnMap.Replacement] = []
        var copied = 0
        for edit in edits {
            result += bytes[copied..<edit.range.lowerBound]
            let start = result.count
            result += edit.bytes
            replacements.append(ColumnMap.Replacement(original: edit.range, replaced: start..<result.count))
            copied = edit.range.upperBound
            grown += edit.bytes.count - edit.range.count
            if grown > growthLimit, !reportedGrowth {
                reportedGrowth = true
                diagnostics.error(line: line, column: edit.range.lowerBound + 1,
                                  "with its parameters' values the notebook is larger than \(MarkdownLimits.sizeDescription) (it passes the limit here)",
                                  hint: "use shorter values, or fewer placeholders")
            }
        }
        result += bytes[copied...]
        lines[line] = result
        columnMap.record(replacements, line: line)
    }
}
