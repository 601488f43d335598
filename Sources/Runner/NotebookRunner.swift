import Foundation
import Limits
import NeuralNet
import Notebook

/// Runs a parsed notebook's cells in order against one `Session`.
///
/// A cell that fails stops the run: its result carries the error, later cells are `notRun`,
/// and the record is still complete enough to render a full report.
public struct NotebookRunner {
    public var environment: [String: String]
    /// Asked to stop (Ctrl-C, SIGTERM, a newer preview run): the run ends at the next safe point.
    public var cancellation: Cancellation?
    /// When set, unchanged cells at the top of the notebook are restored from this cache instead of
    /// running, and the cells that run are stored in it (`folio run --cache`, `folio preview`).
    public var cache: CellCache?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                cancellation: Cancellation? = nil, cache: CellCache? = nil) {
        self.environment = environment
        self.cancellation = cancellation
        self.cache = cache
    }

    /// Runs every cell of `document`; `events` receives progress for the terminal. A cell restored
    /// from the cache sends only `.cellFinished`, with `cached` set.
    public func run(_ document: Document, events: @escaping (RunEvent) -> Void = { _ in }) -> RunRecord {
        let notebookURL = URL(fileURLWithPath: document.path).standardizedFileURL
        let notebookDirectory = notebookURL.deletingLastPathComponent()
        var session = Session(notebookDirectory: notebookDirectory, seed: document.seed,
                              environment: environment, events: events)
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
                session = Session(notebookDirectory: notebookDirectory, seed: document.seed, environment: environment, events: events)
                hits = []
            }
            cached = run
        }
        var results: [CellResult] = []
        var failed = false
        for (position, cell) in cells.enumerated() {
            if failed {
                results.append(CellResult(cell: cell, status: .notRun))
                continue
            }
            if position < hits.count, var run = cached {
                let result = Self.replay(cell, hits[position], run: &run, session: session, shown: shown)
                cached = run
                failed = result.status == .error
                events(.cellFinished(result, of: cells.count))
                results.append(result)
                continue
            }
            events(.cellStarted(cell, of: cells.count))
            let cellStarted = Date()
            var result: CellResult
            do {
                let outputs = try session.execute(cell).map(shown.output)
                result = CellResult(cell: cell, status: .ok, seconds: Date().timeIntervalSince(cellStarted), outputs: outputs)
                if case .load(let directive) = cell.directive, let source = directive.data {
                    data = cached?.dataDigests(source).map { SessionSnapshot.DataReference(cell: cell.index, digests: $0) }
                }
                cached?.store(result, position: position, session: session, data: data, cells: cells)
            } catch {
                let runError = shown.error((error as? RunError) ?? RunError(at: cell.location, String(describing: error)))
                result = CellResult(cell: cell, status: .error, seconds: Date().timeIntervalSince(cellStarted),
                                    error: runError)
                failed = true
            }
            events(.cellFinished(result, of: cells.count))
            results.append(result)
        }
        if hits.count == cells.count, !hits.isEmpty, let snapshot = cached?.lastSnapshot {
            // Every cell hit: nothing was restored; the record's results come from the last entry.
            return RunRecord(document: document, results: results, history: snapshot.lastHistory,
                             evaluation: snapshot.lastEvaluation, predictions: snapshot.predictions,
                             seconds: Date().timeIntervalSince(started))
        }
        return RunRecord(document: document, results: results, history: session.lastHistory,
                         evaluation: session.lastEvaluation, predictions: session.predictions,
                         seconds: Date().timeIntervalSince(started))
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
