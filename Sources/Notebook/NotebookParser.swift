/// Turns a notebook's text into a `Document`, or into the diagnostics that say why it cannot.
///
/// ```swift
/// do {
///     let document = try NotebookParser.parse(fileAt: "notebooks/mnist.md")
///     for cell in document.cells { print(cell.index, cell.name) }
/// } catch let problems as DiagnosticList {
///     print(problems)   // notebooks/mnist.md:12:9: error: unknown fit option 'epoch'; did you mean 'epochs'?
/// }
/// ```
///
/// Markdown is parsed by cmark-gfm; front matter and the directive grammars are Folio's own.
/// Every diagnostic of the notebook is collected (not just the first), in source order.
public enum NotebookParser {
    /// Parses `source` (the notebook's text); `path` is used in every `SourceLocation`.
    /// `parameters` override the defaults of the front matter's `params:`, whose values replace
    /// each `{{ name }}` in cell bodies and prose.
    /// Throws `DiagnosticList` (all problems found, in source order, notes included) when the notebook
    /// is invalid as text (or a parameter's value is); a valid notebook's notes are in `Document.notes`.
    public static func parse(source: String, path: String, parameters: ParameterOverrides = .none) throws -> Document {
        try parse(bytes: Array(source.utf8), path: path, parameters: parameters)
    }

    /// Reads the file (unreadable → a `DiagnosticList` with one diagnostic at `PATH:1:1`; not
    /// UTF-8 → one diagnostic at the first bad byte) and parses it.
    public static func parse(fileAt path: String, parameters: ParameterOverrides = .none) throws -> Document {
        try parse(bytes: NotebookFile.read(path), path: path, parameters: parameters)
    }

    /// Parses UTF-8 `bytes`; a leading byte-order mark is ignored.
    static func parse(bytes: [UInt8], path: String, parameters: ParameterOverrides = .none) throws -> Document {
        let withoutMark = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        var builder = DocumentBuilder(text: SourceText(bytes: withoutMark, path: path), overrides: parameters)
        let document = builder.build()
        guard var document, !builder.diagnostics.hasErrors else {
            throw DiagnosticList(builder.diagnostics.inSourceOrder)
        }
        document.notes = builder.diagnostics.inSourceOrder
        return document
    }
}
