import ArgumentParser
import Foundation
import Limits

/// The `folio` command: run literate Markdown notebooks that train neural networks.
@main
struct Folio: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Run Markdown notebooks that load data, train and evaluate neural networks, and write an HTML report.",
        discussion: """
        Exit status:
          0    every cell ran and the report was written
          1    a cell failed while running (the report is still written, showing the error in its cell)
          2    the notebook is invalid as text, `check` found a cell that would fail, or the command line is wrong \
        (nothing runs, no report)
          3    the cells ran but the report (or the --json record) could not be written
          130  interrupted (Ctrl-C, SIGINT); 143 terminated (SIGTERM): `run` stops at the end of the current batch \
        and writes the report, marked interrupted; a second Ctrl-C quits at once, writing nothing
        Notebook format: docs/notebook-format.md.
        """,
        version: version,
        subcommands: [RunCommand.self, CheckCommand.self, PreviewCommand.self, CleanCommand.self]
    )

    /// ArgumentParser's `main`, except that a wrong command line exits with 2 (the table above), not 64,
    /// and its messages (which may quote option values) are printed through `Terminal`.
    static func main() {
        QuickExit.install()
        SignalWatcher.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Terminal.output(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { Terminal.error(message) }
            Foundation.exit(code == .validationFailure ? FolioExit.invalidInput.rawValue : code.rawValue)
        }
    }
}

/// Exit statuses shared by the subcommands (the table in `folio --help` and docs/notebook-format.md).
enum FolioExit {
    /// A cell failed while running; the report shows where.
    static let runFailed = ExitCode(1)
    /// The notebook is invalid as text, a cell would fail, or an input could not be read; nothing ran.
    static let invalidInput = ExitCode(2)
    /// The cells ran but the report could not be written.
    static let reportNotWritten = ExitCode(3)

    /// The shell's status for a run stopped by a signal: 130 (SIGINT), 143 (SIGTERM).
    static func stopped(by reason: Cancellation.Reason) -> ExitCode {
        ExitCode(Int32(128 + reason.rawValue))
    }
}
