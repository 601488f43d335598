/// The optional YAML block between `---` lines at the very top of a notebook.
///
/// The block ends at the next line `---` or `...` and is read with Yams. Folio uses the keys
/// `title`, `author`, `date`, `description` (text; `author` may be a list), `seed` (integer
/// 0…2⁶³−1) and `params` (a mapping of parameter names to defaults); scalars are taken as text and typed per key, so `title: no` is the title "no". Any
/// other key (Quarto's `format`, `toc`, …) is left for other tools, with a note.
struct FrontMatter {
    static let defaultSeed: UInt64 = 42
    static let keys = ["title", "author", "date", "description", "seed", "params"]
    static let seedRange = 0...Int.max

    var title: String?
    var author: String?
    var date: String?
    var description: String?
    var seed: UInt64 = FrontMatter.defaultSeed
    var seedIsExplicit = false
    /// `params:`, in the order written.
    var parameters: [ParameterDeclaration] = []
    /// Where the `params` key is written; nil without one.
    var parametersLocation: SourceLocation?
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
        guard closing > 2 else { return matter }
        let source = FrontMatterSource(text: text, firstLine: 2, lastLine: closing - 1)
        // A NUL byte is already reported; the YAML reader would only repeat it less clearly.
        guard !source.yaml.utf8.contains(ASCII.nul) else { return matter }
        let reader = FrontMatterReader(source: source)
        reader.read(into: &matter, diagnostics: &diagnostics)
        return matter
    }

    /// `---` (or, to close, `...`) alone on a line, trailing spaces allowed.
    private static func isDelimiter(_ line: [UInt8], allowDots: Bool) -> Bool {
        var bytes = line[...]
        while let last = bytes.last, ASCII.isSpaceOrTab(last) { bytes = bytes.dropLast() }
        return bytes.elementsEqual("---".utf8) || (allowDots && bytes.elementsEqual("...".utf8))
    }
}
