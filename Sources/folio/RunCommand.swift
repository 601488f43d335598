import ArgumentParser
import Files
import Foundation
import Limits
import Notebook
import Report
import Runner

/// `folio run NOTEBOOK`: execute every cell and write the HTML report (and optionally a JSON record).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a notebook's cells in order and write an HTML report.",
        discussion: """
        The report goes to output/PATH.html, mirroring the notebook's path under the current folder (one leading \
        notebooks/ dropped: notebooks/mnist.md → output/mnist.html, alice/hw1.md → output/alice/hw1.html), unless \
        -o is given; it is written even when a cell fails. A notebook outside the current folder writes \
        output/NAME.html, and no default path replaces another notebook's report.
        """)

    @Argument(help: "The notebook (.md) to run.")
    var notebook: String

    @Option(name: [.short, .customLong("output")],
            help: "Where to write the HTML report: a .html path, or - for standard output (default: output/PATH.html).")
    var output: String?

    @Option(name: .customLong("json"),
            help: "Also write the run record (cells, history, evaluation, predictions) as JSON: a path, or - for standard output.")
    var json: String?

    @Option(name: .customLong("template-dir"),
            help: "A folder with report.mustache and report.css (default: the built-in template; a ./templates folder is not used unless named here).")
    var templateDirectory: String?

    @Flag(name: .shortAndLong, help: "Print no progress, only the result and errors.")
    var quiet = false

    @OptionGroup var parameters: ParameterOptions

    @Flag(name: .customLong("allow-errors"),
          help: "When a cell fails, still run the later cells that do not depend on it (exit status 1 all the same).")
    var allowErrors = false

    @Flag(name: .customLong("cache"),
          help: "Restore unchanged cells from the cell cache in output/.folio-cache instead of running them, and store the cells that run.")
    var useCache = false

    @Option(name: .customLong("cache-size"),
            help: "With --cache: the most the cache may hold, in bytes or with KB, MB, GB (default 1GB); least recently used entries go first.")
    var cacheSize: String?

    func validate() throws {
        _ = try RunDestinations(notebook: notebook, output: output, json: json, currentDirectory: Self.currentDirectory)
        try CacheSizeArgument.validate(cacheSize)
    }

    /// The cell cache `--cache` asks for, bounded by `--cache-size`.
    private func cellCache() throws -> CellCache? {
        guard useCache else { return nil }
        return try CacheSizeArgument.cache(in: Self.currentDirectory, size: cacheSize)
    }

    func run() throws {
        let destinations = try RunDestinations(notebook: notebook, output: output, json: json,
                                               currentDirectory: Self.currentDirectory)
        let source = ReportSource.identifier(ofNotebookAt: notebook, currentDirectory: Self.currentDirectory)
        let document = try loadNotebook(notebook, parameters: parameters.overrides())
        let renderer = try makeRenderer(templateDirectory: templateDirectory)
        do {
            try destinations.checkReportMayBeReplaced(by: source)
        } catch {
            Terminal.error("error: \(error)")
            throw FolioExit.invalidInput
        }

        let printer = ProgressPrinter(quiet: quiet)
        // Ctrl-C or SIGTERM from here on stops the run at its next safe point; the report is still written.
        let cancellation = Cancellation()
        SignalWatcher.route(to: cancellation)
        let record = NotebookRunner(cancellation: cancellation, allowErrors: allowErrors, cache: try cellCache()).run(document) { printer.handle($0) }

        // A report that cannot be written still lets the run's own failure be told (exit 3 wins).
        var written = true
        do {
            try write(Data(try renderer.render(record, source: source).utf8), to: destinations.report, what: "the report")
            if let json = destinations.json { try write(try record.jsonData(), to: json, what: "the run record") }
        } catch {
            Terminal.error("error: \(error)")
            written = false
        }
        let reportName = destinations.report.name
        let failures = record.results.compactMap(\.error)
        for failure in failures { Terminal.error(failure.description) }
        if written, !failures.isEmpty, record.interruption == nil {
            Terminal.error(allowErrors
                ? "The report shows each error in its cell: \(reportName)"
                : "The run stopped there; the report shows the error in its cell: \(reportName)")
        }
        if let interruption = record.interruption {
            Terminal.error("folio: \(interruption.message)")
            if written { Terminal.error("The report shows what ran before the stop: \(reportName)") }
        }
        guard written else { throw FolioExit.reportNotWritten }
        // A signal that came after the last cell (while the report was written) still sets the status.
        if let reason = record.interruption?.reason ?? cancellation.reason { throw FolioExit.stopped(by: reason) }
        if !failures.isEmpty { throw FolioExit.runFailed }
        var summary = "Report: \(reportName)"
        if let evaluation = record.evaluation {
            summary += String(format: " (test accuracy %.4f)", evaluation.accuracy)
        }
        // The summary goes to stderr when stdout carries the report or the record.
        if destinations.report == .standardOutput || destinations.json == .standardOutput {
            Terminal.error(summary)
        } else {
            Terminal.output(summary)
        }
    }

    private static var currentDirectory: URL {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    }

    /// Writes `data` atomically to a file (`AtomicFile`: links written through, devices and folders
    /// refused), or to standard output; `what` names it in errors ("the report").
    private func write(_ data: Data, to destination: Destination, what: String) throws {
        do {
            switch destination {
            case .file(let path):
                try AtomicFile.write(data, to: URL(fileURLWithPath: path), createFolder: true)
            case .standardOutput:
                // A closed pipe is a write error (exit 3), not a silent death by SIGPIPE.
                signal(SIGPIPE, SIG_IGN)
                try StandardOutput.write(data)
            }
        } catch let error as FileWriteError {
            throw ReportError.cannotWrite(what: what, path: error.path, reason: error.reason)
        }
    }
}
