import Foundation

/// Writes to the terminal: results to stdout, diagnostics and progress to stderr.
///
/// Every line `folio` prints goes through here, so control characters in text that came from a
/// notebook, a file name or a server are shown escaped (`TerminalEscaping`), never obeyed. (The
/// report and JSON record written with `-o -` / `--json -` are data, not terminal text, and do not
/// pass through here.)
enum Terminal {
    /// Whether stderr is an interactive terminal (progress lines are redrawn in place only then).
    static let isInteractive = isatty(STDERR_FILENO) != 0

    /// A line on stderr.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalEscaping.escaped(text) + "\n").utf8))
    }

    /// A line on stdout.
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data((TerminalEscaping.escaped(text) + "\n").utf8))
    }

    /// Redraws the current line (interactive) — callers print a newline when the line is final.
    static func progress(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + TerminalEscaping.escaped(text)).utf8))
    }
}
