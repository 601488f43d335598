import ArgumentParser
import Notebook
import Runner

/// `folio check NOTEBOOK`: parse and validate every cell without running anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse a notebook and validate every cell without running it.")

    @Argument(help: "The notebook (.md) to check.")
    var notebook: String

    @OptionGroup var parameters: ParameterOptions

    func run() throws {
        let document = try loadNotebook(notebook, parameters: parameters.overrides())
        let cells = document.cells
        let names = cells.map(\.name).joined(separator: ", ")
        Terminal.output("\(notebook): ok — \(cells.count) cell\(cells.count == 1 ? "" : "s")\(cells.isEmpty ? "" : " (\(names))")")
    }
}

/// Parses `path` with `parameters` and checks what its cells will meet (`NotebookAnalyzer`); prints
/// its notes (if any) to stderr, or every problem found (with the notes) and exits with status 2.
func loadNotebook(_ path: String, parameters: ParameterOverrides = .none) throws -> Document {
    switch CheckedNotebook.load(path: path, parameters: parameters) {
    case .invalid(let diagnostics, _):
        reportProblems(diagnostics)
    case .ready(let document):
        if !document.notes.isEmpty { Terminal.error(DiagnosticList(document.notes).description) }
        return document
    }
}

/// Prints `diagnostics` and a count, then exits with status 2: nothing runs, no report is written.
func reportProblems(_ diagnostics: [Diagnostic]) -> Never {
    Terminal.error(DiagnosticList(diagnostics).description)
    let count = diagnostics.filter { $0.severity == .error }.count
    Terminal.error("\(count) error\(count == 1 ? "" : "s"); nothing was run.")
    Folio.exit(withError: FolioExit.invalidInput)
}
