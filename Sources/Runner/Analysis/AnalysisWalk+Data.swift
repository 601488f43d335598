import Foundation
import Datasets
import NeuralNet
import Notebook

extension AnalysisWalk {
    /// `load`: a built-in dataset is known by name, a folder by its IDX headers, a model by its file's header.
    mutating func checkLoad(_ directive: LoadDirective, cell: Cell) {
        switch directive.data {
        case .dataset(let name)?:
            loadData(.known(DataFacts(DatasetCatalog(name.value).outline)), at: name.location)
        case .path(let path)?:
            loadData(outline(ofFolder: path), at: path.location)
        case nil:
            break
        }
        if let model = directive.model { checkLoadModel(model) }
    }

    /// New data starts from no preprocessing — or, while a loaded model's preparation applies, from that.
    private mutating func loadData(_ data: Presence<DataFacts>, at location: SourceLocation) {
        state.data = data
        state.preprocessing = Preprocessing()
        state.written = [:]
        reconcileWithModel(at: location)
    }

    /// The folder's outline, or `.unknown` after reporting why it cannot be read.
    private mutating func outline(ofFolder path: Located<String>) -> Presence<DataFacts> {
        let folder = resolve(path.value)
        if let problem = NotebookPath.problem(reading: folder, folder: true) {
            error(at: path.location, "cannot read the dataset folder '\(path.value)': \(problem)",
                  hint: "`path:` is a folder holding the four IDX files, relative to the notebook's folder")
            return .unknown
        }
        do {
            return .known(DataFacts(try DatasetOutline.read(folder)))
        } catch {
            self.error(at: path.location, "the dataset folder '\(path.value)' cannot be used: \(error)")
            return .unknown
        }
    }

    /// `preprocess`: the options accumulate on the current preprocessing, as the runner applies them.
    mutating func checkPreprocess(_ directive: PreprocessDirective, cell: Cell) {
        guard let data = requireData(for: "preprocess", at: cell.location) else { return }
        let applied = Session.preprocessing(state.preprocessing, applying: directive, imageShape: data.imageShape,
                                            classCount: data.classCount)
        applied.problems.forEach { report($0, at: cell.location) }
        state.preprocessing = applied.preprocessing
        state.written.merge(Session.writtenParts(of: directive, cell: cell)) { $1 }
        reconcileWithModel(at: cell.location)
    }

    /// Presents the data as a loaded model's file says it was trained, keeping what `preprocess`
    /// cells wrote — which must agree, else it is an error at the option (as when the cells run).
    mutating func reconcileWithModel(at location: SourceLocation) {
        guard let preparation = state.model.facts?.preparation, let data = state.data.facts else { return }
        do {
            state.preprocessing = try Session.reconciled(state.preprocessing, written: state.written, with: preparation,
                                                         imageShape: data.imageShape)
        } catch {
            report(error, at: location)
            state.model = .unknown
        }
    }
}

extension DataFacts {
    init(_ outline: DatasetOutline) {
        self.init(imageShape: outline.imageShape, trainCount: outline.trainCount, testCount: outline.testCount,
                  classCount: outline.classCount)
    }
}
