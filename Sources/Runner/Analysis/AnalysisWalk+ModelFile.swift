import Foundation
import NeuralNet
import Notebook

extension AnalysisWalk {
    /// `load model:`: a file an earlier `save` writes, or a readable Folio model file, known by its header.
    mutating func checkLoadModel(_ path: Located<String>) {
        let url = resolve(path.value)
        if var saved = state.savedModels[url.path] {
            saved.layerLocations = [path.location]
            return adoptModel(saved)
        }
        if let problem = NotebookPath.problem(reading: url) {
            error(at: path.location, "cannot read the model file '\(path.value)': \(problem)",
                  hint: "`model:` names a .safetensors file written by `save`, relative to the notebook's folder")
            return state.replaceModel(.unknown)
        }
        state.replaceModel(.unknown)
    }

    /// Makes `model` the current one; its preparation applies to the data unless a preprocess cell
    /// said otherwise, which must then agree with it.
    private mutating func adoptModel(_ model: ModelFacts) {
        state.replaceModel(.known(model))
    }
}
