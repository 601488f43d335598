import Foundation
import Limits
import Runner
import Synchronization

/// A live preview of one notebook: runs it on its own thread, re-runs it when the notebook or a
/// file it reads changes (a run in flight is superseded), keeps the latest page in memory, and
/// tells the open pages (`EventHub`) which cell is running and when to reload.
///
/// The HTTP side is `PreviewServer`; this type knows nothing of HTTP.
public final class PreviewSession: Sendable {
    /// The page being served and what the open pages were last told.
    private struct Shown {
        var html: String
        /// Counts finished runs; the page carries its own, so a page older than this reloads.
        var generation = 0
        /// The status line of the run in flight ("" when none).
        var status = ""
    }

    private let job: PreviewJob
    private let log: @Sendable (String) -> Void
    private let shown: Mutex<Shown>
    private let stopped = Atomic<Bool>(false)
    let hub = EventHub()
    private let scheduler: Mutex<RunScheduler?> = Mutex(nil)
    private let watcher: Mutex<FileWatcher?> = Mutex(nil)
    private let throttle: Mutex<StatusThrottle?> = Mutex(nil)

    /// `log` gets one line per run for the terminal ("Report updated: …").
    public init(settings: PreviewSettings, log: @escaping @Sendable (String) -> Void) {
        job = PreviewJob(settings: settings)
        self.log = log
        shown = Mutex(Shown(html: LivePage.inserting(into: PlainPage.running(notebook: settings.notebook), generation: 0)))
    }

    /// Starts watching and the first run.
    public func start() {
        let throttle = StatusThrottle { [weak self] line in self?.showStatus(line) }
        let scheduler = RunScheduler { [weak self] cancellation in self?.runOnce(cancellation) }
        let notebook = WatchedFile(url: URL(fileURLWithPath: job.settings.notebook).standardizedFileURL)
        let watcher = FileWatcher(files: [notebook]) { [weak self] in self?.fileChanged() }
        self.throttle.withLock { $0 = throttle }
        self.scheduler.withLock { $0 = scheduler }
        self.watcher.withLock { $0 = watcher }
        scheduler.start()
        watcher.start()
        Task.detached { [weak self] in
            while let self, !self.stopped.load(ordering: .relaxed) {
                try? await Task.sleep(for: .milliseconds(100))
                throttle.flush()
            }
        }
        scheduler.requestRun()
    }

    /// Stops watching, cancels the run in flight and closes the open event streams.
    public func stop() {
        stopped.store(true, ordering: .relaxed)
        watcher.withLock { $0?.stop() }
        scheduler.withLock { $0?.stop() }
        hub.close()
    }

    /// The page to serve now (the latest report, or diagnostics), with the live script.
    public var page: String { shown.withLock { $0.html } }

    /// The events a newly opened page gets first: the generation it should have, and the running
    /// cell, if any.
    func greeting() -> [ServerSentEvent] {
        shown.withLock { shown in
            [.reload(generation: shown.generation)] + (shown.status.isEmpty ? [] : [.status(shown.status)])
        }
    }

    private func fileChanged() {
        guard !stopped.load(ordering: .relaxed) else { return }
        let busy = scheduler.withLock { $0?.isBusy ?? false }
        log(busy ? "A file changed: stopping the run in flight and starting again." : "A file changed: running again.")
        scheduler.withLock { $0?.requestRun() }
    }

    private func showStatus(_ line: String) {
        shown.withLock { $0.status = line }
        hub.publish(.status(line))
    }

    /// One run, on the run thread.
    private func runOnce(_ cancellation: Cancellation) {
        var status = RunStatus()
        let throttle = self.throttle.withLock { $0 }
        let started = ContinuousClock.Instant.now
        let (outcome, watched) = job.run(cancellation: cancellation) { event in
            if let line = status.line(after: event) { throttle?.offer(line) }
        }
        throttle?.discard()
        watcher.withLock { $0?.watch(watched) }
        let notebook = job.settings.notebook
        let page: String
        var isReport = false
        switch outcome {
        case .cancelled:
            return
        case .invalid(let diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }.count
            log("\(notebook): \(errors) error\(errors == 1 ? "" : "s"); the page shows \(errors == 1 ? "it" : "them").")
            page = PlainPage.diagnostics(diagnostics, notebook: notebook)
        case .renderFailed(let message):
            log("error: \(message)")
            page = PlainPage.failure(message, notebook: notebook)
        case .report(let html, let failure, let writeError):
            if let failure { log(failure) }
            if let writeError { log("error: the report could not be written: \(writeError)") }
            let elapsed = (ContinuousClock.Instant.now - started).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            log("Report updated: \(job.settings.reportPath) (" + String(format: "%.2f", seconds) + " s)")
            page = html
            isReport = true
        }
        let generation = shown.withLock { shown in
            shown.generation += 1
            shown.html = isReport ? LivePage.addingGeneration(to: page, generation: shown.generation)
                                  : LivePage.inserting(into: page, generation: shown.generation)
            shown.status = ""
            return shown.generation
        }
        hub.publish(.status(""))
        hub.publish(.reload(generation: generation))
    }
}
