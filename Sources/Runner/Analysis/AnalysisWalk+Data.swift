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
        let data = requireData(for: "preprocess", at: cell.location)
        var next = state.preprocessing
        if directive.flatten {
            next.flatten = true
            next.reshape = nil
        }
        if let reshape = directive.reshape {
            next.reshape = reshape.value
            next.flatten = false
            if let data, (try? next.sampleShape(for: data.imageShape)) == nil {
                let size = data.imageShape.reduce(1, *)
                error(at: reshape.location,
                      "reshape: \(Format.shape(reshape.value)) does not fit the data's \(Format.shape(data.imageShape)) images "
                          + "(\(Format.integer(size)) values each)",
                      hint: "use a shape whose sizes multiply to \(size), e.g. `reshape: \(data.imageShape.map(String.init).joined(separator: "x"))x1`")
                next.reshape = nil
            }
        }
        if let scale = directive.scale { next.scale = Float(scale) }
        if let oneHot = directive.oneHot {
            if let data, data.classCount > oneHot.value {
                error(at: oneHot.location, "one_hot: \(oneHot.value) is too small: the data has label \(data.classCount - 1)",
                      hint: "use `one_hot: \(data.classCount)` (one column per class)")
            }
            next.oneHot = oneHot.value
        }
        state.written.merge(Session.writtenParts(of: directive, cell: cell)) { $1 }
        state.preprocessing = next
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
