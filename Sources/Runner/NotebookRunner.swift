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

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                cancellation: Cancellation? = nil, allowErrors: Bool = false) {
        self.environment = environment
        self.cancellation = cancellation
        self.allowErrors = allowErrors
    }

    /// Runs every cell of `document`; `events` receives progress for the terminal.
    public func run(_ document: Document, events: @escaping (RunEvent) -> Void = { _ in }) -> RunRecord {
        let notebookURL = URL(fileURLWithPath: document.path).standardizedFileURL
        var session = Session(notebookDirectory: notebookURL.deletingLastPathComponent(), seed: document.seed,
                              environment: environment, cancellation: cancellation, events: events)
        let shown = ShownPaths(notebookDirectory: notebookURL.deletingLastPathComponent(), environment: environment)
        let cells = document.cells
        var results: [CellResult] = []
        var stopped = false
        var broken = BrokenResources()
        var interruption: Interruption?
        let started = Date()
        for cell in cells {
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
            case .error:
                broken.failed(cell, because: cell)
                stopped = !allowErrors
            case .interrupted:
                interruption = result.interruption
                stopped = true
            }
            events(.cellFinished(result, of: cells.count))
            results.append(result)
        }
        return RunRecord(document: document, results: results, history: session.lastHistory,
                         evaluation: session.lastEvaluation, predictions: session.predictions,
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
