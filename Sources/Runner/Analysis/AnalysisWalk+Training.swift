import NeuralNet
import Notebook

extension AnalysisWalk {
    /// `fit`: a model and data that fit each other, labels that fit the loss and the output layer,
    /// and a validation split that leaves rows on both sides.
    mutating func checkFit(_ directive: FitDirective, cell: Cell) {
        let model = requireModel(for: "fit", at: cell.location)
        let data = requireData(for: "fit", at: cell.location)
        let loss = Loss(directive.loss)
        let lossLocation = cell.location(ofOption: "loss")
        let before = diagnostics.count
        if let model, let data {
            checkSamples(for: model, cell: cell, directive: "fit")
            checkLabels(loss, chosenAt: lossLocation, model: model, classes: data.classCount)
            let options = FitOptions(loss: loss, validationSplit: directive.validationSplit)
            let training = options.trainingRows(of: data.trainCount)
            if data.trainCount == 0 {
                error(at: cell.location, "fit needs training samples, but the dataset has none")
            } else if training == 0 || (directive.validationSplit > 0 && training == data.trainCount) {
                let least = 1 / Double(data.trainCount)
                error(at: cell.location(ofOption: "validation_split"),
                      "validation_split: \(directive.validationSplit) on \(Format.integer(data.trainCount)) training samples leaves "
                          + (training == 0 ? "no training rows" : "no validation rows"),
                      hint: String(format: "use a validation_split between %.4g and %.4g", least, 1 - least))
            }
        }
        let failed = diagnostics.count > before || state.model.isUnknown || state.data.isUnknown
        state.history = failed ? .unknown : .known(())
        if !failed { state.anyHistory = .known(()) } else if state.anyHistory.isAbsent { state.anyHistory = .unknown }
        state.evaluation = .absent
        state.loss = failed ? .unknown : .known((loss, lossLocation))
    }

    /// `evaluate`: a model, test data that fit it, and a loss from the cell, a fit or the model file.
    mutating func checkEvaluate(_ directive: EvaluateDirective, cell: Cell) {
        let model = requireModel(for: "evaluate", at: cell.location)
        let data = requireData(for: "evaluate", at: cell.location)
        let before = diagnostics.count
        var loss: (loss: Loss, location: SourceLocation)?
        if let written = directive.loss {
            loss = (Loss(written), cell.location(ofOption: "loss"))
        } else if case .known(let chosen) = state.loss {
            loss = chosen
        } else if state.loss.isAbsent, model != nil {
            error(at: cell.location, "evaluate needs a loss, but no earlier fit chose one and the model was not loaded from a file",
                  hint: Session.evaluateLossHint)
        }
        if let data, data.testCount == 0 {
            error(at: cell.location, "evaluate needs test samples, but the dataset has none")
        }
        if let model, let data {
            checkSamples(for: model, cell: cell, directive: "evaluate")
            if let loss { checkLabels(loss.loss, chosenAt: loss.location, model: model, classes: data.classCount) }
        }
        let failed = diagnostics.count > before || model == nil || data == nil
        state.evaluation = failed ? .unknown : .known(())
    }

    /// `plot`: each chart needs what draws it — a fit (of this model, or of any for `compare`), an evaluate, or data.
    mutating func checkPlot(_ directive: PlotDirective, cell: Cell) {
        for chart in directive.charts {
            switch chart.value {
            case .loss where state.history.isAbsent, .accuracy where state.history.isAbsent:
                error(at: chart.location, "plot \(chart.value.rawValue) needs a training history, but no earlier cell ran fit on this model",
                      hint: "add a ```fit cell before this one")
            case .confusionMatrix where state.evaluation.isAbsent:
                error(at: chart.location, "plot confusion_matrix needs an evaluation, but no earlier cell ran evaluate on this model since it was last trained",
                      hint: "add an ```evaluate cell before this one")
            case .confusionMatrix:
                let limit = Session.confusionMatrixClassLimit
                if let units = state.model.facts?.outputUnits, units > limit {
                    error(at: chart.location, "plot confusion_matrix draws at most \(limit) classes, but the model has \(units) outputs",
                          hint: Session.confusionMatrixHint)
                }
            case .samples:
                _ = requireData(for: "plot samples", at: chart.location)
            case .weights:
                checkWeightsPlot(at: chart.location)
            case .mistakes where state.evaluation.isAbsent:
                error(at: chart.location, "plot mistakes needs an evaluation, but no earlier cell ran evaluate on this model since it was last trained",
                      hint: "add an ```evaluate cell before this one")
            case .mistakes:
                if let units = state.model.facts?.outputUnits, units < 2 {
                    error(at: chart.location, "plot mistakes needs one output per class, but the model has \(units)",
                          hint: Session.confusionMatrixHint)
                }
            case .compare where state.anyHistory.isAbsent:
                error(at: chart.location, "plot compare needs a trained model, but no earlier cell ran fit",
                      hint: "add a ```build cell and a ```fit cell for each model before this one")
            default:
                break
            }
        }
    }

    /// `plot: weights`: a model whose first weighted layer can be drawn, by the run's own rule.
    private mutating func checkWeightsPlot(at location: SourceLocation) {
        guard let model = requireModel(for: "plot weights", at: location), !model.layers.isEmpty else { return }
        if case .failure(let problem) = FirstLayerWeights.plan(inputShape: model.inputShape, layers: model.layers) {
            error(at: location, problem.description, hint: FirstLayerWeights.hint)
        }
    }

    /// The preprocessed samples must have the model's input shape; reported once per model.
    private mutating func checkSamples(for model: ModelFacts, cell: Cell, directive: String) {
        guard let sampleShape = state.sampleShape(), sampleShape != model.inputShape else { return }
        let location = model.layerLocations.first ?? cell.location
        var hint = "change the preprocess cell so that samples have the model's input shape"
        if sampleShape.count > 1, model.inputShape.count == 1, sampleShape.reduce(1, *) == model.inputShape[0] {
            hint = "add `flatten: true` to the preprocess cell, or start the model with a `flatten` layer"
        } else if model.inputShape.count == 3, sampleShape.reduce(1, *) == model.inputShape.reduce(1, *) {
            hint = "add `reshape: \(model.inputShape.map(String.init).joined(separator: "x"))` to the preprocess cell"
        }
        error(at: location, "the model takes samples of \(Format.shape(model.inputShape)), but \(directive) (line \(cell.location.line)) "
                  + "would give it \(Format.shape(sampleShape))", hint: hint)
        state.model = .unknown
    }

    /// The labels (their encoding and number of classes) must fit the loss and the last layer's width.
    private mutating func checkLabels(_ loss: Loss, chosenAt lossLocation: SourceLocation, model: ModelFacts, classes: Int) {
        let encoding = state.labelEncoding
        let output = model.outputLocation ?? lossLocation
        let oneHotLocation = state.written[.labels] ?? lossLocation
        do {
            try loss.checkLabels(encoding, classes: classes, outputUnits: model.outputUnits)
        } catch NeuralNetError.targetsNeedOneHot {
            let alternative = loss == .categoricalCrossentropy ? ", or use `loss: sparse_categorical_crossentropy`" : ""
            error(at: lossLocation, "\(loss.rawValue) needs one-hot labels, but the labels are integers",
                  hint: "add `one_hot: \(classes)` to a preprocess cell before this one\(alternative)")
            if model.outputUnits != classes {
                error(at: output, "the last layer has \(model.outputUnits) unit\(model.outputUnits == 1 ? "" : "s"), but the labels have \(classes) classes",
                      hint: "make the last layer `dense \(classes) softmax` (one unit per class)")
            }
        } catch NeuralNetError.targetWidthMismatch(_, let width, let units) {
            error(at: output, "the last layer has \(units) unit\(units == 1 ? "" : "s"), but the labels are one-hot rows of width \(width)",
                  hint: "make the last layer `dense \(width) softmax`, or change `one_hot`")
        } catch NeuralNetError.labelOutOfRange(_, _, let units) {
            error(at: output, "the last layer has \(units) unit\(units == 1 ? "" : "s"), but the labels go up to \(classes - 1) (\(classes) classes)",
                  hint: "make the last layer `dense \(classes) softmax` (one unit per class)")
        } catch NeuralNetError.targetsDoNotFitLoss(_, let problem, let fix) {
            let location = loss == .sparseCategoricalCrossentropy ? lossLocation : encoding == .integers ? output : oneHotLocation
            error(at: location, "\(loss.rawValue) does not fit the labels: \(problem)", hint: fix)
        } catch {
            self.error(at: lossLocation, String(describing: error))
        }
    }
}
