/// A directive cell as the directive grammars see it: its name, where its fence is, and its
/// body lines exactly as written in the file (not cmark's de-indented copy), with line numbers.
struct CellBody {
    /// One line of the body.
    struct Line {
        var number: Int
        var bytes: [UInt8]
    }

    var name: String
    /// The opening fence's line and column.
    var fence: SourceLocation
    var lines: [Line]

    /// The body lines that are neither blank nor whole-line `# comments`.
    var meaningfulLines: [Line] { lines.filter { !LineScanner.isBlankOrComment($0.bytes) } }
}
