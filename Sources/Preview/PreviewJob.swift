import Files
import Foundation
import Limits
import Notebook
import Report
import Runner

/// How one preview run ended.
enum PreviewOutcome: Sendable {
    /// The preview page's HTML (the report, also written — without the preview's script — to the
    /// report path unless `writeError` says why not), and
    /// the run's first failure, if a cell failed.
    case report(html: String, failure: String?, writeError: String?)
    /// The notebook is invalid as text or a cell would fail: nothing ran.
    case invalid([Diagnostic])
    /// The cells ran but the template could not render them.
    case renderFailed(String)
    /// A newer save (or the end of preview) stopped the run; nothing to show.
    case cancelled
}

/// One run of the preview's notebook — parse, check, run, render, write — the pipeline of
/// `folio run`, on the calling thread (preview calls it on its own run thread).
struct PreviewJob {
    var settings: PreviewSettings

    /// Runs the notebook; `events` gets the run's progress. Also returns what the notebook reads,
    /// for the watcher (just the notebook when it cannot be parsed).
    func run(cancellation: Cancellation, events: @escaping (RunEvent) -> Void) -> (PreviewOutcome, [WatchedFile]) {
        let notebookURL = URL(fileURLWithPath: settings.notebook).standardizedFileURL
        let notebookFile = WatchedFile(url: notebookURL)
        var inputs = [notebookFile]
        if let file = settings.parameterFile { inputs.append(WatchedFile(url: URL(fileURLWithPath: file).standardizedFileURL)) }
        let parameters: ParameterOverrides
        switch settings.parameterOverrides() {
        case .success(let overrides): parameters = overrides
        case .failure(let list): return (.invalid(list.diagnostics), inputs)
        }
        let document: Document
        switch CheckedNotebook.load(path: settings.notebook, parameters: parameters) {
        case .invalid(let diagnostics, let parsed):
            let watched = parsed?.watchedFiles(notebookDirectory: notebookURL.deletingLastPathComponent()) ?? []
            return (.invalid(diagnostics), inputs + watched)
        case .ready(let ready):
            document = ready
        }
        let watched = inputs + document.watchedFiles(notebookDirectory: notebookURL.deletingLastPathComponent())
        let record = Self.makeRunner(environment: settings.environment, cancellation: cancellation, cache: settings.cache).run(document, events: events)
        if cancellation.isCancelled { return (.cancelled, watched) }

        let html: String, page: String
        do {
            html = try settings.renderer.render(record, source: settings.source)
            // The page is the same report with the preview's script, allowed by the same policy.
            var live = settings.renderer
            live.policy = LivePage.policy(extending: live.policy)
            page = try live.render(record, source: settings.source)
        } catch {
            return (.renderFailed(String(describing: error)), watched)
        }
        var writeError: String?
        do {
            try AtomicFile.write(Data(html.utf8), to: URL(fileURLWithPath: settings.reportPath), createFolder: true)
        } catch {
            writeError = String(describing: error)
        }
        return (.report(html: page, failure: record.error?.description, writeError: writeError), watched)
    }

    /// The runner preview uses: the one place to turn on what a preview run should have (the cell cache).
    static func makeRunner(environment: [String: String], cancellation: Cancellation, cache: CellCache?) -> NotebookRunner {
        NotebookRunner(environment: environment, cancellation: cancellation, cache: cache)
    }
}
