/// Collects a notebook's diagnostics as the parser finds them, and hands them back in source order.
struct DiagnosticCollector {
    let path: String
    private var found: [Diagnostic] = []

    init(path: String) { self.path = path }

    var isEmpty: Bool { found.isEmpty }
    var count: Int { found.count }
    /// Whether any diagnostic is an error (notes alone leave the notebook valid).
    var hasErrors: Bool { found.contains { $0.severity == .error } }

    mutating func error(line: Int, column: Int, _ message: String, hint: String? = nil) {
        error(at: SourceLocation(file: path, line: line, column: column), message, hint: hint)
    }

    mutating func error(at location: SourceLocation, _ message: String, hint: String? = nil) {
        found.append(Diagnostic(.error, at: location, message, hint: hint))
    }

    /// Adds diagnostics found elsewhere (a cell's, moved back to the text as written).
    mutating func append(_ diagnostics: [Diagnostic]) { found += diagnostics }

    /// Every diagnostic in the order found.
    var all: [Diagnostic] { found }

    /// Something worth knowing that does not stop the notebook from running.
    mutating func note(line: Int, column: Int, _ message: String, hint: String? = nil) {
        found.append(Diagnostic(.note, at: SourceLocation(file: path, line: line, column: column), message, hint: hint))
    }

    /// Every diagnostic, sorted by line then column (ties keep the order they were found in); those
    /// in another file (a parameters file) come after the notebook's.
    var inSourceOrder: [Diagnostic] {
        found.enumerated().sorted { left, right in
            let a = left.element.location
            let b = right.element.location
            if (a.file == path) != (b.file == path) { return a.file == path }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return left.offset < right.offset
        }.map(\.element)
    }
}
