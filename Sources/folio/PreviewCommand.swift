import ArgumentParser
import Dispatch
import Foundation
import Preview
import Report
import Runner

/// `folio preview NOTEBOOK`: serve the notebook's report on a loopback address, run it again when
/// it or a file it reads changes, and reload the open page when each run finishes.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve a notebook's report on 127.0.0.1 and run it again on every save.",
        discussion: """
        The report is also written where `folio run` writes it. A save while a run is in flight stops that run \
        (between cells) and starts a new one. Stop with Ctrl-C.
        """)

    @Argument(help: "The notebook (.md) to preview.")
    var notebook: String

    @Option(help: "The port to listen on (default: a free one, printed).")
    var port: Int = 0

    @Flag(help: "Open the page in the default browser (xdg-open).")
    var open = false

    @Option(name: .customLong("template-dir"),
            help: "A folder with report.mustache and report.css (default: the built-in template).")
    var templateDirectory: String?

    @OptionGroup var parameters: ParameterOptions

    @Flag(name: .customLong("no-cache"),
          help: "Run every cell on every save instead of restoring unchanged cells from output/.folio-cache.")
    var noCache = false

    @Option(name: .customLong("cache-size"),
            help: "The most the cell cache may hold, in bytes or with KB, MB, GB (default 1GB).")
    var cacheSize: String?

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port takes a number from 1 to 65535 (or 0 for a free one), not \(port)")
        }
        guard FileManager.default.fileExists(atPath: notebook) else {
            throw ValidationError("cannot read '\(notebook)': it does not exist")
        }
        try CacheSizeArgument.validate(cacheSize)
    }

    func run() throws {
        let currentDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let destinations = try RunDestinations(notebook: notebook, output: nil, json: nil, currentDirectory: currentDirectory)
        let source = ReportSource.identifier(ofNotebookAt: notebook, currentDirectory: currentDirectory)
        let renderer = try makeRenderer(templateDirectory: templateDirectory)
        do {
            try destinations.checkReportMayBeReplaced(by: source)
        } catch {
            Terminal.error("error: \(error)")
            throw FolioExit.invalidInput
        }
        guard case .file(let reportPath) = destinations.report else { throw FolioExit.invalidInput }

        let settings = PreviewSettings(notebook: notebook, reportPath: reportPath, source: source, renderer: renderer,
                                       parameterArguments: parameters.values, parameterFile: parameters.file,
                                       cache: noCache ? nil : try CacheSizeArgument.cache(in: currentDirectory, size: cacheSize))
        let session = PreviewSession(settings: settings) { Terminal.error($0) }
        // Ctrl-C and SIGTERM end a preview: the run in flight is asked to stop, the open pages' event
        // streams are closed, and folio exits with 130 or 143. The reports on disk are whole (AtomicFile).
        SignalWatcher.route(.stop { reason in
            session.stop()
            Terminal.error("\nPreview stopped.")
            Foundation.exit(reason == .terminate ? 143 : 130)
        })

        let openInBrowser = open
        let failure = FailureBox()
        let done = DispatchSemaphore(value: 0)
        let server = PreviewServer(session: session, port: port)
        Task {
            do {
                try await server.run { port in
                    let address = "http://\(PreviewServer.host):\(port)/"
                    Terminal.output("Preview: \(address)")
                    Terminal.error("Watching \(notebook) and the files it reads; Ctrl-C stops.")
                    if openInBrowser { Browser.open(address) }
                    session.start()
                }
            } catch {
                failure.error = error
            }
            done.signal()
        }
        done.wait()
        session.stop()
        let reason = failure.error.map { PreviewServer.explain($0, port: port) } ?? "the server stopped"
        Terminal.error("error: cannot serve on \(PreviewServer.host):\(port): \(reason)")
        throw FolioExit.invalidInput
    }
}

/// The server's error, handed from its task to the waiting main thread (written before the
/// semaphore is signalled, read after it is waited for).
private final class FailureBox: @unchecked Sendable {
    var error: Error?
}

/// `--open`: the page in the default browser, through `xdg-open`; says so when that fails.
private enum Browser {
    static func open(_ address: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", address]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.terminationHandler = { finished in
            if finished.terminationStatus != 0 {
                Terminal.error("Could not open a browser (xdg-open exited with status \(finished.terminationStatus)); open \(address) yourself.")
            }
        }
        do {
            try process.run()
        } catch {
            Terminal.error("Could not open a browser (xdg-open: \(error.localizedDescription)); open \(address) yourself.")
        }
    }
}
