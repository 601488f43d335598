import Foundation
import Datasets
import NeuralNet
import Notebook

extension AnalysisWalk {
    /// `load`: a built-in dataset is known by name, a folder by its IDX headers, a model by its file's header.
    mutating func checkLoad(_ directive: LoadDirective, cell: Cell) {
        switch directive.data {
        case .dataset(let name)?:
            loadData(.known(DataFacts(DatasetCatalog(name.value).outline)))
        case .path(let path)?:
            loadData(outline(ofFolder: path))
        case nil:
            break
        }
        if let model = directive.model { checkLoadModel(model) }
    }

    private mutating func loadData(_ data: Presence<DataFacts>) {
        state.data = data
        state.preprocessing = state.model.facts?.preparation ?? Preprocessing()
        state.preprocessLocations = [:]
        state.preprocessWritten = false
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
        for key in PreprocessOption.allCases where cell.optionLocations[key.rawValue] != nil {
            state.preprocessLocations[key.rawValue] = cell.optionLocations[key.rawValue]
        }
        if let preparation = state.model.facts?.preparation {
            checkAgreement(of: next, with: preparation, cell: cell)
        }
        state.preprocessing = next
        state.preprocessWritten = true
    }

    /// An explicit preprocessing that differs from how a loaded model was trained is an error at the
    /// option that differs.
    mutating func checkAgreement(of preprocessing: Preprocessing, with preparation: Preprocessing, cell: Cell) {
        for difference in PreprocessOption.differences(preprocessing, preparation) {
            let written = state.preprocessLocations
            let location = difference.option.shapeSiblings.compactMap { written[$0.rawValue] }.first ?? cell.location
            error(at: location, "the loaded model was trained on \(difference.expected), but this preprocessing gives \(difference.found)",
                  hint: difference.fix)
        }
    }
}

extension DataFacts {
    init(_ outline: DatasetOutline) {
        self.init(imageShape: outline.imageShape, trainCount: outline.trainCount, testCount: outline.testCount,
                  classCount: outline.classCount)
    }
}
