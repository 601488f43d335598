import Foundation
import NeuralNet
import Notebook

extension AnalysisWalk {
    /// `load model:`: a file an earlier `save` writes, or a readable Folio model file, known by its header.
    mutating func checkLoadModel(_ path: Located<String>) {
        let url = resolve(path.value)
        if var saved = state.savedModels[url.path] {
            saved.layerLocations = [path.location]
            return adoptModel(saved, at: path.location)
        }
        if let problem = NotebookPath.problem(reading: url) {
            error(at: path.location, "cannot read the model file '\(path.value)': \(problem)",
                  hint: "`model:` names a .safetensors file written by `save`, relative to the notebook's folder")
            return state.replaceModel(.unknown)
        }
        do {
            let summary = try Sequential.readSummary(from: url)
            let plan = try ModelPlan(inputShape: summary.inputShape, layers: summary.layers)
            adoptModel(ModelFacts(inputShape: summary.inputShape, outputShape: plan.outputShape, layerLocations: [path.location],
                                  preparation: summary.preparation, savedLoss: summary.loss, layers: summary.layers), at: path.location)
        } catch {
            self.error(at: path.location, "the model file '\(path.value)' cannot be used: \(error)")
            state.replaceModel(.unknown)
        }
    }

    /// Makes `model` the current one; its preparation applies to the data, reconciled with what
    /// `preprocess` cells wrote.
    private mutating func adoptModel(_ model: ModelFacts, at location: SourceLocation) {
        state.replaceModel(.known(model))
        reconcileWithModel(at: location)
    }
}
