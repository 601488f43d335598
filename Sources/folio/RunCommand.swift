import ArgumentParser
import Foundation
import Notebook
import Report
import Runner

/// `folio run NOTEBOOK`: execute every cell and write the HTML report (and optionally a JSON record).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a notebook's cells in order and write an HTML report.",
        discussion: "The report goes to output/NAME.html unless -o is given; it is written even when a cell fails.")

    @Argument(help: "The notebook (.md) to run.")
    var notebook: String

    @Option(name: [.short, .customLong("output")], help: "Where to write the HTML report (default: output/NAME.html).")
    var output: String?

    @Option(name: .customLong("json"), help: "Also write the run record (cells, history, evaluation, predictions) as JSON.")
    var json: String?

    @Option(name: .customLong("template-dir"),
            help: "A folder with report.mustache and report.css (default: ./templates if present, else built in).")
    var templateDirectory: String?

    @Flag(name: .shortAndLong, help: "Print no progress, only the result and errors.")
    var quiet = false

    func run() throws {
        Interruption.exitOnSignals()
        let document = try loadNotebook(notebook)
        let renderer = try makeRenderer()

        let printer = ProgressPrinter(quiet: quiet)
        let record = NotebookRunner().run(document) { printer.handle($0) }

        let reportPath = output ?? defaultOutputPath()
        let reportURL = URL(fileURLWithPath: reportPath)
        do {
            let html = try renderer.render(record)
            try AtomicFile.write(Data(html.utf8), to: reportURL)
            if let json {
                try AtomicFile.write(try record.jsonData(), to: URL(fileURLWithPath: json))
            }
        } catch {
            Terminal.error("error: \(error)")
            throw FolioExit.reportNotWritten
        }
        if let failure = record.error {
            Terminal.error(failure.description)
            Terminal.error("The run stopped there; the report shows the error in its cell: \(reportPath)")
            throw FolioExit.runFailed
        }
        var summary = "Report: \(reportPath)"
        if let evaluation = record.evaluation {
            summary += String(format: " (test accuracy %.4f)", evaluation.accuracy)
        }
        print(summary)
    }

    /// `output/NAME.html`, relative to the current folder.
    private func defaultOutputPath() -> String {
        let name = URL(fileURLWithPath: notebook).deletingPathExtension().lastPathComponent
        return "output/\(name).html"
    }

    /// The renderer with the chosen template, checked before anything runs.
    private func makeRenderer() throws -> ReportRenderer {
        do {
            let template: ReportTemplate
            if let templateDirectory {
                template = try ReportTemplate.load(from: URL(fileURLWithPath: templateDirectory))
            } else if FileManager.default.fileExists(atPath: "templates/report.mustache"),
                      FileManager.default.fileExists(atPath: "templates/report.css") {
                template = try ReportTemplate.load(from: URL(fileURLWithPath: "templates"))
            } else {
                template = .builtIn
            }
            _ = try template.compiled()
            return ReportRenderer(template: template, version: Folio.version)
        } catch {
            Terminal.error("error: \(error)")
            throw FolioExit.invalidInput
        }
    }
}
