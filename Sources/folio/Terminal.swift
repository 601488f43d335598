import Foundation

/// Writes to the terminal: results to stdout, diagnostics and progress to stderr.
enum Terminal {
    /// Whether stderr is an interactive terminal (progress lines are redrawn in place only then).
    static let isInteractive = isatty(STDERR_FILENO) != 0

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Redraws the current line (interactive) — callers print a newline when the line is final.
    static func progress(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }
}
