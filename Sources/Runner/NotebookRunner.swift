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

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                cancellation: Cancellation? = nil) {
        self.environment = environment
        self.cancellation = cancellation
    }

    /// Runs every cell of `document`; `events` receives progress for the terminal.
    public func run(_ document: Document, events: @escaping (RunEvent) -> Void = { _ in }) -> RunRecord {
        let notebookURL = URL(fileURLWithPath: document.path).standardizedFileURL
        var session = Session(notebookDirectory: notebookURL.deletingLastPathComponent(), seed: document.seed,
                              environment: environment, events: events)
        let shown = ShownPaths(notebookDirectory: notebookURL.deletingLastPathComponent(), environment: environment)
        let cells = document.cells
        var results: [CellResult] = []
        var failed = false
        let started = Date()
        for cell in cells {
            if failed {
                results.append(CellResult(cell: cell, status: .notRun))
                continue
            }
            events(.cellStarted(cell, of: cells.count))
            let cellStarted = Date()
            var result: CellResult
            do {
                let outputs = try session.execute(cell).map(shown.output)
                result = CellResult(cell: cell, status: .ok, seconds: Date().timeIntervalSince(cellStarted), outputs: outputs)
            } catch {
                let runError = shown.error((error as? RunError) ?? RunError(at: cell.location, String(describing: error)))
                result = CellResult(cell: cell, status: .error, seconds: Date().timeIntervalSince(cellStarted),
                                    error: runError)
                failed = true
            }
            events(.cellFinished(result, of: cells.count))
            results.append(result)
        }
        return RunRecord(document: document, results: results, history: session.lastHistory,
                         evaluation: session.lastEvaluation, predictions: session.predictions,
                         seconds: Date().timeIntervalSince(started), pad: session.padModel)
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
