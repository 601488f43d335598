import ArgumentParser

/// The `folio` command: run literate Markdown notebooks that train neural networks.
@main
struct Folio: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Run Markdown notebooks that load data, train and evaluate neural networks, and write an HTML report.",
        discussion: """
        Exit status: 0 when every cell ran, 1 when a cell failed while running (the report is still \
        written, showing the error), 2 when the notebook is invalid as text (nothing runs, no report).
        Notebook format: docs/notebook-format.md.
        """,
        version: version,
        subcommands: [RunCommand.self, CheckCommand.self]
    )
}

/// Exit statuses shared by the subcommands.
enum FolioExit {
    /// A cell failed while running; the report shows where.
    static let runFailed = ExitCode(1)
    /// The notebook is invalid as text, or an input could not be read; nothing ran.
    static let invalidInput = ExitCode(2)
}
