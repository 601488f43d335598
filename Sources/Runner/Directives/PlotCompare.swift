import Charts
import NeuralNet
import Notebook

extension Session {
    /// `plot: compare`: every fitted model's curves overlaid, one chart per metric (loss, accuracy, and
    /// val_loss, val_accuracy when some model validated), one colour per model with its name in the
    /// legend; then a table of every model: layers, parameters, fit time and test accuracy.
    func comparison(at location: SourceLocation) throws -> [Output] {
        let fitted = models.enumerated().filter { $0.element.history != nil }
        guard !fitted.isEmpty else {
            throw RunError(at: location, "plot compare needs a trained model, but no earlier cell ran fit",
                           hint: "add a ```build cell and a ```fit cell for each model before this one")
        }
        let validated = fitted.contains { !($0.element.history?.valLoss.isEmpty ?? true) }
        var metrics: [(name: String, values: (History) -> [Double])] = [("loss", { $0.loss }), ("accuracy", { $0.accuracy })]
        if validated { metrics += [("val_loss", { $0.valLoss }), ("val_accuracy", { $0.valAccuracy })] }
        let charts = metrics.map { metric -> Output in
            let series = fitted.map { index, record in
                Series(name: record.name, values: record.history.map(metric.values) ?? [], distinctIndex: index)
            }
            let chart = LineChart(title: "\(Self.metricTitle(metric.name)) per epoch, by model", xLabel: "epoch",
                                  yLabel: metric.name, series: series, xStart: 1, yRange: nil)
            let names = fitted.count <= Self.namedInCaption ? Self.listed(fitted.map(\.element.name)) : "\(fitted.count) models"
            return .chart(svg: chart.svg(), caption: "\(Self.metricTitle(metric.name)) of \(names) after each epoch")
        }
        return charts + [.table(Self.comparisonTable(models))]
    }

    /// The most models a caption names one by one; past that it counts them (the legend names each).
    static let namedInCaption = 4

    /// "Validation accuracy" for `val_accuracy`.
    private static func metricTitle(_ metric: String) -> String {
        switch metric {
        case "val_loss": return "Validation loss"
        case "val_accuracy": return "Validation accuracy"
        case "accuracy": return "Accuracy"
        default: return "Loss"
        }
    }

    /// "a", "a and b", "a, b and c".
    private static func listed(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// One row per model, in notebook order; "—" where a model was not fitted or not evaluated. The
    /// scores come first and the layers, the longest column, last, so a narrow page shows what matters.
    static func comparisonTable(_ models: [ModelRecord]) -> Table {
        let rows = models.map { record -> [String] in
            [record.name,
             record.evaluation.map { Format.percent($0.accuracy) } ?? "—",
             Format.integer(record.parameters),
             record.history.map { String($0.loss.count) } ?? "—",
             record.history == nil ? "—" : Format.seconds(record.fitSeconds),
             record.layers]
        }
        return Table(caption: "The models compared", header: ["model", "test accuracy", "parameters", "epochs", "fit time", "layers"],
                     rows: rows, numericColumns: [1, 2, 3, 4])
    }
}
