import Foundation

/// Keeps the running machine's absolute paths out of what a run shows (outputs, errors, the report):
/// paths under the notebook's folder, or beside it, become relative to it (`images/x.png`,
/// `../data/mnist`), as notebooks write them; other paths under `FOLIO_DATA`, `XDG_CACHE_HOME` or
/// the home folder start with `$FOLIO_DATA`, `$XDG_CACHE_HOME` or `~`. The longest prefix wins.
///
/// Directives already word their outputs and errors with the paths as written in the notebook; this
/// catches the paths that reach a message from deeper down (a dataset file, a model file's error).
struct ShownPaths {
    /// Folder prefixes (with their trailing `/`) and what shows instead, longest first.
    private let replacements: [(prefix: String, shown: String)]

    init(notebookDirectory: URL, environment: [String: String]) {
        let notebookFolder = notebookDirectory.standardizedFileURL
        var pairs: [(String, String)] = [(notebookFolder.path, "")]
        // Its ancestors as `../`, `../../`, … (not top-level folders such as /tmp or /home).
        var ancestor = notebookFolder.deletingLastPathComponent()
        var up = "../"
        while ancestor.pathComponents.count > 2 {
            pairs.append((ancestor.path, up))
            ancestor = ancestor.deletingLastPathComponent()
            up += "../"
        }
        for (variable, shown) in [("FOLIO_DATA", "$FOLIO_DATA/"), ("XDG_CACHE_HOME", "$XDG_CACHE_HOME/"), ("HOME", "~/")] {
            if let value = environment[variable], value.hasPrefix("/"), value.count > 1 {
                pairs.append((URL(fileURLWithPath: value).standardizedFileURL.path, shown))
            }
        }
        replacements = pairs
            .filter { $0.0 != "/" }
            .map { (prefix: $0.0.hasSuffix("/") ? $0.0 : $0.0 + "/", shown: $0.1) }
            .sorted { $0.prefix.count > $1.prefix.count }
    }

    /// `text` with each known folder prefix replaced.
    func text(_ text: String) -> String {
        replacements.reduce(text) { $0.replacingOccurrences(of: $1.prefix, with: $1.shown) }
    }

    func output(_ output: Output) -> Output {
        if case .text(let value) = output { return .text(text(value)) }
        return output
    }

    func error(_ error: RunError) -> RunError {
        RunError(at: error.location, text(error.message), hint: error.hint.map(text))
    }
}
