import Charts
import NeuralNet
import Notebook

extension Session {
    /// `plot`: one chart per name — training curves, the confusion matrix (and its precision and recall),
    /// sample images, the first layer's weights, the most confident mistakes — and for `compare`, one
    /// chart per metric and a table of the models (`PlotCompare.swift`).
    mutating func runPlot(_ directive: PlotDirective, cell: Cell) throws -> [Output] {
        var outputs: [Output] = []
        for chart in directive.charts {
            let drawn = try plot(chart)
            outputs += chart.value == .compare || chart.value == .samples ? drawn : drawn.map { $0.naming(currentModelName) }
        }
        return outputs
    }

    private mutating func plot(_ chart: Located<PlotDirective.Chart>) throws -> [Output] {
        switch chart.value {
        case .loss, .accuracy:
            guard let history else {
                throw RunError(at: chart.location, "plot \(chart.value.rawValue) needs a training history, but no earlier cell ran fit",
                               hint: "add a ```fit cell before this one")
            }
            return [Self.curve(chart.value, history: history)]
        case .confusionMatrix:
            guard evaluation != nil else {
                throw RunError(at: chart.location, "plot confusion_matrix needs an evaluation, but no earlier cell ran evaluate",
                               hint: "add an ```evaluate cell before this one")
            }
            guard let outputs = confusionMatrixOutputs() else {
                throw RunError(at: chart.location,
                               "plot confusion_matrix draws 2 to \(Self.confusionMatrixClassLimit) classes, but the model's predictions do not fit that",
                               hint: Self.confusionMatrixHint)
            }
            return outputs
        case .samples:
            let data = try requireData(for: "plot samples", at: chart.location)
            return [sampleGrid(of: data.files.train, count: 30)]
        case .weights:
            return [try weightsChart(at: chart.location)]
        case .mistakes:
            return [try mistakesChart(at: chart.location)]
        case .compare:
            return try comparison(at: chart.location)
        }
    }

    /// `plot: weights`: the model's first weighted layer as pictures.
    private func weightsChart(at location: SourceLocation) throws -> Output {
        let model = try requireModel(for: "plot weights", at: location)
        switch FirstLayerWeights.plan(inputShape: model.inputShape, layers: model.layers) {
        case .failure(let problem):
            throw RunError(at: location, problem.description, hint: FirstLayerWeights.hint)
        case .success(let plan):
            guard let kernel = model.weights().first, let output = WeightsPlot(plan: plan, kernel: kernel).output() else {
                throw RunError(at: location, "plot weights could not read the first layer's weights", hint: FirstLayerWeights.hint)
            }
            return output
        }
    }

    /// How to get a confusion matrix from a model whose outputs are not one per class.
    static let confusionMatrixHint = "end the model with one unit per class, e.g. `dense 10 softmax`"

    /// One model's training curve (`runPlot` adds the model's name to the caption).
    private static func curve(_ chart: PlotDirective.Chart, history: History) -> Output {
        let isLoss = chart == .loss
        let name = isLoss ? "loss" : "accuracy"
        let train = isLoss ? history.loss : history.accuracy
        let validation = isLoss ? history.valLoss : history.valAccuracy
        var series = [Series(name: "training \(name)", values: train, colorIndex: 0)]
        if !validation.isEmpty { series.append(Series(name: "validation \(name)", values: validation, dashed: true, colorIndex: 1)) }
        let lineChart = LineChart(title: isLoss ? "Loss per epoch" : "Accuracy per epoch", xLabel: "epoch",
                                  yLabel: name, series: series, xStart: 1, yRange: nil)
        let caption = validation.isEmpty
            ? "Training \(name) after each epoch"
            : "Training and validation \(name) after each epoch"
        return .chart(svg: lineChart.svg(), caption: caption)
    }
}

extension Output {
    /// The output with its caption ending in the name of the model it shows: "… (wide-mlp)".
    func naming(_ model: String?) -> Output {
        guard let model else { return self }
        switch self {
        case .text: return self
        case .table(var table):
            table.caption += " (\(model))"
            return .table(table)
        case .chart(let svg, let caption):
            return .chart(svg: svg, caption: caption + " (\(model))")
        }
    }
}
