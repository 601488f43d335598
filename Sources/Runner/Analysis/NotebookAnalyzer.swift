import Foundation
import Notebook

/// Finds, before anything runs, the cells of a notebook that would fail: it follows the cells in
/// order as the runner would, but knows the data and the models only by their shapes — built-in
/// datasets by name, `path:` folders by their IDX headers, model files by their headers — so it
/// reads no images, fetches nothing and trains nothing.
///
/// ```swift
/// let problems = NotebookAnalyzer().analyze(document)
/// // notebooks/lesson.md:31:7: error: categorical_crossentropy needs one-hot labels, but the labels are integers
/// ```
/// Each problem is an error `Diagnostic` at the line and column at fault: the layer line, the option,
/// the file name; `folio check` prints them and `folio run` refuses to start while there are any.
public struct NotebookAnalyzer {
    public init() {}

    /// Every problem found, in source order.
    public func analyze(_ document: Document) -> [Diagnostic] {
        let folder = URL(fileURLWithPath: document.path).standardizedFileURL.deletingLastPathComponent()
        var walk = AnalysisWalk(notebookDirectory: folder)
        for cell in document.cells {
            walk.visit(cell)
        }
        walk.diagnostics += ProseImageCheck.problems(in: document, notebookDirectory: folder)
        return walk.diagnostics.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }
}

/// One pass over a notebook's cells: the imagined state and the problems found so far.
struct AnalysisWalk {
    let notebookDirectory: URL
    var state = AnalysisState()
    var diagnostics: [Diagnostic] = []

    init(notebookDirectory: URL) { self.notebookDirectory = notebookDirectory }

    mutating func visit(_ cell: Cell) {
        switch cell.directive {
        case .load(let directive): checkLoad(directive, cell: cell)
        case .preprocess(let directive): checkPreprocess(directive, cell: cell)
        case .build(let directive): checkBuild(directive, cell: cell)
        case .fit(let directive): checkFit(directive, cell: cell)
        case .evaluate(let directive): checkEvaluate(directive, cell: cell)
        case .plot(let directive): checkPlot(directive, cell: cell)
        case .predict(let directive): checkPredict(directive, cell: cell)
        case .summary: _ = requireModel(for: "summary", at: cell.location)
        case .save(let directive): checkSave(directive, cell: cell)
        }
    }

    mutating func error(at location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, at: location, message, hint: hint))
    }

    /// The model's facts; reports a missing model (nil also when a failed cell left it unknown).
    mutating func requireModel(for directive: String, at location: SourceLocation) -> ModelFacts? {
        if state.model.isAbsent {
            error(at: location, "\(directive) needs a model, but no earlier cell built or loaded one",
                  hint: "add a ```build cell (e.g. `dense 10 softmax input=784`) or a ```load cell with `model: FILE` before this cell")
        }
        return state.model.facts
    }

    /// The data's facts; reports missing data (nil also when a failed cell left it unknown).
    mutating func requireData(for directive: String, at location: SourceLocation) -> DataFacts? {
        if state.data.isAbsent {
            error(at: location, "\(directive) needs data, but no earlier cell loaded any",
                  hint: "add a ```load cell (e.g. `dataset: mnist`) before this cell")
        }
        return state.data.facts
    }

    /// A notebook-relative path resolved.
    func resolve(_ path: String) -> URL { NotebookPath.resolve(path, in: notebookDirectory) }
}
