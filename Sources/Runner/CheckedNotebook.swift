import Notebook

/// The first two steps of every run, shared by `folio run`, `folio check` and `folio preview`:
/// parse the notebook (`NotebookParser`), then check what its cells will meet (`NotebookAnalyzer`).
public enum CheckedNotebook {
    /// A notebook ready to run; its notes (which do not stop it) are in `Document.notes`.
    case ready(Document)
    /// A notebook that must not run: every problem found, its notes included, in source order, and
    /// the document when it parsed (only the check found problems), for what it reads.
    case invalid([Diagnostic], parsed: Document?)

    /// Parses the notebook at `path` with `parameters` (`-p`, `--params`) and checks it.
    public static func load(path: String, parameters: ParameterOverrides = .none) -> CheckedNotebook {
        let document: Document
        do {
            document = try NotebookParser.parse(fileAt: path, parameters: parameters)
        } catch let list as DiagnosticList {
            return .invalid(list.diagnostics, parsed: nil)
        } catch {
            return .invalid([Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), String(describing: error))], parsed: nil)
        }
        let problems = NotebookAnalyzer().analyze(document)
        guard problems.isEmpty else {
            return .invalid((document.notes + problems).sorted {
                ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
            }, parsed: document)
        }
        return .ready(document)
    }
}
