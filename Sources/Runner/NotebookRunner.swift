import Foundation
import Limits
import NeuralNet
import Notebook

/// Runs a parsed notebook's cells in order against one `Session`.
///
/// A cell that fails stops the run: its result carries the error, later cells are `notRun`,
/// and the record is still complete enough to render a full report. With `allowErrors`, only the
/// later cells that depend on what failed are skipped (see `CellDependencies`). When `cancellation`
/// is asked for, the running cell stops at its next safe point and is `interrupted`; the rest are
/// `notRun`, and the record carries the `Interruption`.
public struct NotebookRunner: Sendable {
    public var environment: [String: String]
    /// Asked to stop (Ctrl-C, SIGTERM, a newer preview run): the run ends at the next safe point.
    public var cancellation: Cancellation?
    /// Keep running the cells that do not depend on a failed one (`folio run --allow-errors`).
    public var allowErrors: Bool
    /// When set, unchanged cells at the top of the notebook are restored from this cache instead of
    /// running, and the cells that run are stored in it (`folio run --cache`, `folio preview`).
    public var cache: CellCache?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                cancellation: Cancellation? = nil, allowErrors: Bool = false, cache: CellCache? = nil) {
        self.environment = environment
        self.cancellation = cancellation
        self.allowErrors = allowErrors
        self.cache = cache
    }

    /// Runs every cell of `document`; `events` receives progress for the terminal. A cell restored
    /// from the cache sends only `.cellFinished`, with `cached` set.
    public func run(_ document: Document, events: @escaping (RunEvent) -> Void = { _ in }) -> RunRecord {
        let notebookURL = URL(fileURLWithPath: document.path).standardizedFileURL
        let notebookDirectory = notebookURL.deletingLastPathComponent()
        func freshSession() -> Session {
            var session = Session(notebookDirectory: notebookDirectory, seed: document.seed,
                                  environment: environment, cancellation: cancellation, events: events)
            session.modelNumbers = document.modelNumbers
            return session
        }
        var session = freshSession()
        let shown = ShownPaths(notebookDirectory: notebookDirectory, environment: environment)
        let cells = document.cells
        let started = Date()
        var cached = cache.flatMap {
            CachedRun(cache: $0, document: document, notebookDirectory: notebookDirectory, environment: environment)
        }
        defer { cached?.finish() }
        var hits = cached?.hits ?? []
        var data: SessionSnapshot.DataReference?
        // Some cell after the hits runs: put the session back as it was after the last hit.
        if let last = cached?.lastSnapshot, hits.count < cells.count, var run = cached {
            do {
                try session.restore(last, cells: cells, modelBytes: run.model(of: last), digestsNow: { run.dataDigests($0) })
                data = last.data
            } catch {
                session = freshSession()
                hits = []
            }
            cached = run
        }
        var results: [CellResult] = []
        var stopped = false
        var broken = BrokenResources()
        var interruption: Interruption?
        var failedBefore = false
        for (position, cell) in cells.enumerated() {
            if stopped {
                results.append(CellResult(cell: cell, status: .notRun))
                continue
            }
            if let reason = cancellation?.reason {
                interruption = .between(after: results.last?.cell.name, reason: reason)
                stopped = true
                results.append(CellResult(cell: cell, status: .notRun))
                continue
            }
            if position < hits.count, var run = cached {
                let result = Self.replay(cell, hits[position], run: &run, session: session, shown: shown)
                cached = run
                if result.status == .error {
                    broken.failed(cell, because: cell)
                    stopped = !allowErrors
                } else {
                    broken.ran(cell)
                }
                events(.cellFinished(result, of: cells.count))
                results.append(result)
                continue
            }
            if let blocker = broken.blocker(of: cell) {
                broken.failed(cell, because: blocker.cell)
                let result = CellResult(cell: cell, status: .notRun, note: BrokenResources.note(for: blocker))
                events(.cellFinished(result, of: cells.count))
                results.append(result)
                continue
            }
            events(.cellStarted(cell, of: cells.count))
            let result = execute(cell, in: &session, shown: shown)
            switch result.status {
            case .ok, .notRun:
                broken.ran(cell)
                // Only a cell that ran to its end, after nothing failed, is stored.
                if result.status == .ok, !failedBefore {
                    if case .load(let directive) = cell.directive, let source = directive.data {
                        data = cached?.dataDigests(source).map { SessionSnapshot.DataReference(cell: cell.index, digests: $0) }
                    }
                    cached?.store(result, position: position, session: session, data: data, cells: cells)
                }
            case .error:
                broken.failed(cell, because: cell)
                stopped = !allowErrors
                failedBefore = true
            case .interrupted:
                interruption = result.interruption
                stopped = true
            }
            events(.cellFinished(result, of: cells.count))
            results.append(result)
        }
        if hits.count == cells.count, !hits.isEmpty, let snapshot = cached?.lastSnapshot, var run = cached {
            // Every cell hit: nothing was restored; the record's results come from the last entry
            // (and the pad's model from its stored weights).
            let pad = run.model(of: snapshot).flatMap { try? Sequential.loadModelFile($0, path: "the cached model").model }
                .flatMap { snapshot.pad?.pad(for: $0) }
            return RunRecord(document: document, results: results, history: snapshot.lastHistory,
                             evaluation: snapshot.lastEvaluation, predictions: snapshot.predictions, models: snapshot.models,
                             seconds: Date().timeIntervalSince(started), interruption: interruption, pad: pad)
        }
        return RunRecord(document: document, results: results, history: session.lastHistory,
                         evaluation: session.lastEvaluation, predictions: session.predictions, models: session.models,
                         seconds: Date().timeIntervalSince(started), interruption: interruption,
                         pad: session.padModel)
    }

    /// Runs one cell and says how it ended: ok, failed (its error), or stopped at a safe point.
    private func execute(_ cell: Cell, in session: inout Session, shown: ShownPaths) -> CellResult {
        let started = Date()
        func seconds() -> Double { Date().timeIntervalSince(started) }
        do {
            let outputs = try session.execute(cell).map(shown.output)
            return CellResult(cell: cell, status: .ok, seconds: seconds(), outputs: outputs)
        } catch let stop as CellInterrupted {
            return CellResult(cell: cell, status: .interrupted, seconds: seconds(), outputs: stop.outputs.map(shown.output),
                              interruption: stop.interruption)
        } catch let stop as Cancelled {
            return CellResult(cell: cell, status: .interrupted, seconds: seconds(),
                              interruption: .during(cell.name, reason: stop.reason))
        } catch {
            let runError = shown.error((error as? RunError) ?? RunError(at: cell.location, String(describing: error)))
            return CellResult(cell: cell, status: .error, seconds: seconds(), error: runError)
        }
    }

    /// A cell restored from its cache entry: its outputs as stored; a `save` writes its model
    /// again (a side effect the cache never skips), from the entry's snapshot.
    private static func replay(_ cell: Cell, _ entry: CacheEntry, run: inout CachedRun, session: Session,
                               shown: ShownPaths) -> CellResult {
        var outputs = entry.outputs
        if case .save(let directive) = cell.directive {
            do {
                guard let snapshot = entry.snapshot(), let bytes = run.model(of: snapshot) else {
                    throw CacheRestoreProblem.modelMissing
                }
                let model = try Sequential.loadModelFile(bytes, path: "the cached model").model
                outputs = try session.save(model, loss: snapshot.loss, preparation: snapshot.preparation, directive)
                    .map(shown.output)
            } catch {
                let runError = shown.error((error as? RunError) ?? RunError(at: cell.location, String(describing: error)))
                return CellResult(cell: cell, status: .error, seconds: 0, error: runError)
            }
        }
        return CellResult(cell: cell, status: .ok, seconds: entry.seconds, outputs: outputs, cached: true)
    }
}

extension Session {
    /// Dispatches one cell to its directive's implementation (one file each in `Directives/`).
    mutating func execute(_ cell: Cell) throws -> [Output] {
        switch cell.directive {
        case .load(let directive): return try runLoad(directive, cell: cell)
        case .preprocess(let directive): return try runPreprocess(directive, cell: cell)
        case .build(let directive): return try runBuild(directive, cell: cell)
        case .fit(let directive): return try runFit(directive, cell: cell)
        case .evaluate(let directive): return try runEvaluate(directive, cell: cell)
        case .plot(let directive): return try runPlot(directive, cell: cell)
        case .predict(let directive): return try runPredict(directive, cell: cell)
        case .summary(let directive): return try runSummary(directive, cell: cell)
        case .save(let directive): return try runSave(directive, cell: cell)
        }
    }
}
