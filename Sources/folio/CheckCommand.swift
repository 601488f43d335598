import ArgumentParser
import Notebook

/// `folio check NOTEBOOK`: parse and validate every cell without running anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse a notebook and validate every cell without running it.")

    @Argument(help: "The notebook (.md) to check.")
    var notebook: String

    func run() throws {
        let document = try loadNotebook(notebook)
        let cells = document.cells
        let names = cells.map(\.name).joined(separator: ", ")
        print("\(notebook): ok — \(cells.count) cell\(cells.count == 1 ? "" : "s")\(cells.isEmpty ? "" : " (\(names))")")
    }
}

/// Parses `path` and prints its notes (if any) to stderr; or prints its diagnostics to stderr and
/// exits with status 2.
func loadNotebook(_ path: String) throws -> Document {
    do {
        let document = try NotebookParser.parse(fileAt: path)
        if !document.notes.isEmpty { Terminal.error(DiagnosticList(document.notes).description) }
        return document
    } catch let list as DiagnosticList {
        Terminal.error(list.description)
        let count = list.diagnostics.filter { $0.severity == .error }.count
        Terminal.error("\(count) error\(count == 1 ? "" : "s"); nothing was run.")
        throw FolioExit.invalidInput
    }
}
