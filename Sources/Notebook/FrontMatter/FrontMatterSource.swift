import Yams

/// The YAML text between the front matter's delimiters, and where a Yams `Mark` (line and column
/// counted in Unicode scalars within that text) is in the notebook (line, column in UTF-8 bytes).
struct FrontMatterSource {
    let text: SourceText
    /// The notebook line of the YAML text's first line.
    let firstLine: Int
    /// The notebook line of the YAML text's last line.
    let lastLine: Int

    var yaml: String { text.text(lines: firstLine, through: lastLine) }

    /// The notebook position of `mark`; a mark past the YAML text (its end) is the closing delimiter's line.
    func position(of mark: Mark?) -> (line: Int, column: Int) {
        guard let mark else { return (firstLine, 1) }
        let line = firstLine + max(mark.line, 1) - 1
        guard line <= lastLine else { return (lastLine + 1, 1) }
        var column = 1
        for (count, scalar) in String(decoding: text.line(line), as: UTF8.self).unicodeScalars.enumerated() {
            guard count < mark.column - 1 else { break }
            column += scalar.utf8.count
        }
        return (line, column)
    }

    /// The notebook position of `node`.
    func position(of node: Node) -> (line: Int, column: Int) { position(of: node.mark) }
}
