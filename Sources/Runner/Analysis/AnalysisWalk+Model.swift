import Foundation
import Datasets
import NeuralNet
import Notebook

extension AnalysisWalk {
    /// `build`: the input shape, then every layer's shape and size as the engine would check them.
    mutating func checkBuild(_ directive: BuildDirective, cell: Cell) {
        guard let first = directive.layers.first else { return }
        guard first.value.inputShape != nil || !state.data.isUnknown else { return state.replaceModel(.unknown) }
        let inputShape: [Int]
        do {
            inputShape = try Session.inputShape(for: first, dataShape: state.sampleShape())
        } catch {
            report(error, at: first.location)
            return state.replaceModel(.unknown)
        }
        do {
            let layers = directive.layers.map { LayerSpec($0.value) }
            let plan = try ModelPlan(inputShape: inputShape, layers: layers)
            state.replaceModel(.known(ModelFacts(inputShape: inputShape, outputShape: plan.outputShape,
                                                 layerLocations: directive.layers.map(\.location), layers: layers)))
        } catch let problem as NeuralNetError {
            error(at: directive.location(ofLayer: problem.layerNumber) ?? first.location, problem.description)
            state.replaceModel(.unknown)
        } catch {
            self.error(at: first.location, String(describing: error))
            state.replaceModel(.unknown)
        }
    }

    /// `predict`: a model whose input is a grayscale picture; an image file that can be read, a folder
    /// holding an image, or a glob matching one (at most `PredictImages.limit`); a labels file whose
    /// rows name existing files and valid classes.
    mutating func checkPredict(_ directive: PredictDirective, cell: Cell) {
        let image = directive.image
        do {
            let selection = try PredictImages.select(image.value, relativeTo: notebookDirectory)
            if !selection.isCollection, let url = selection.items.first?.url, let problem = NotebookPath.problem(reading: url) {
                error(at: image.location, "cannot read the image '\(image.value)': \(problem)",
                      hint: "`image:` is a PNG, JPEG, BMP or GIF file, a folder of them or a glob, relative to the notebook's folder, or an http(s) URL")
            }
        } catch let problem as PredictImages.Problem {
            error(at: image.location, problem.description, hint: problem.hint)
        } catch {
            self.error(at: image.location, "cannot read '\(image.value)': \(error.localizedDescription)")
        }
        let model = requireModel(for: "predict", at: cell.location)
        if let labels = directive.labels {
            do {
                let file = try PredictLabels.read(resolve(labels.value), reference: labels.value)
                if let model {
                    let names = model.preparation?.classNames
                    try file.validate(classCount: model.outputUnits, classNames: names?.isEmpty == false ? names : nil)
                }
            } catch let problem as PredictLabels.Problem {
                error(at: labels.location, problem.description, hint: problem.hint)
            } catch {
                self.error(at: labels.location, String(describing: error))
            }
        }
        guard let model else { return }
        do {
            _ = try Session.imageSize(forInput: model.inputShape, at: image.location)
        } catch {
            report(error, at: image.location)
        }
    }

    /// `save`: a model to save, and a path that is not a folder. The file then counts as present,
    /// with this model's shapes, for a later `load` in the same notebook.
    mutating func checkSave(_ directive: SaveDirective, cell: Cell) {
        let path = directive.path
        let url = resolve(path.value)
        if let problem = NotebookPath.problem(writing: url) {
            error(at: path.location, "cannot save the model to '\(path.value)': \(problem)",
                  hint: "give a file name such as `path: model.safetensors` in a folder you can write to")
        }
        guard var model = requireModel(for: "save", at: cell.location) else { return }
        model.layerLocations = []
        if !state.data.isAbsent {
            let preprocessing = state.preprocessing
            model.preparation = DataPreparation(flatten: preprocessing.flatten, reshape: preprocessing.reshape,
                                                scale: preprocessing.scale, oneHotWidth: preprocessing.oneHot)
        }
        model.savedLoss = state.loss.facts?.loss
        state.savedModels[url.path] = model
    }

    /// A run-time error of the runner's own checks, or anything else, as a diagnostic.
    mutating func report(_ problem: Error, at location: SourceLocation) {
        if let runError = problem as? RunError {
            error(at: runError.location, runError.message, hint: runError.hint)
        } else {
            error(at: location, String(describing: problem))
        }
    }
}
