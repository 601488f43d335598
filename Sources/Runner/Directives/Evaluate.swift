import Charts
import NeuralNet
import Notebook

extension Session {
    /// `evaluate`: loss and accuracy on the test set (`plot: confusion_matrix` shows where it goes wrong).
    mutating func runEvaluate(_ directive: EvaluateDirective, cell: Cell) throws -> [Output] {
        let model = try requireModel(for: "evaluate", at: cell.location)
        let test = try testExamples(for: "evaluate", at: cell.location)
        // The cell's own loss, else the last fit's or the loaded model's.
        guard let loss = directive.loss.map(Loss.init) ?? self.loss else {
            throw RunError(at: cell.location, "evaluate needs a loss, but no earlier fit chose one",
                           hint: Self.evaluateLossHint)
        }
        let evaluation = try wrap(at: cell.location) { try model.evaluate(test, loss: loss, cancellation: cancellation) }
        recordEvaluation(evaluation)
        let rows = [["test loss", Format.metric(evaluation.loss)],
                    ["test accuracy", Format.metric(evaluation.accuracy) + " (" + Format.percent(evaluation.accuracy) + ")"],
                    ["test samples", Format.integer(test.count)]]
        return [.table(Table(caption: "Evaluation of \(currentModelName ?? "the model") on the test set (loss: \(loss.rawValue))", header: ["metric", "value"],
                             rows: rows, numericColumns: [1]))]
    }

    /// How to give `evaluate` a loss, for the run-time error and the static check alike.
    static let evaluateLossHint = "add `loss: categorical_crossentropy` (or the loss that fits your labels) to this cell, "
        + "or a ```fit cell before it"

    /// The most classes a confusion matrix is drawn for.
    static let confusionMatrixClassLimit = 100

    /// Counts of (true class, predicted class) pairs from the last evaluation.
    func confusionMatrix() -> (matrix: [[Int]], classes: Int)? {
        guard let evaluation, let labels = data?.files.test.labels.bytes else { return nil }
        let classes = max(Int(labels.max() ?? 0), Int(evaluation.predictedLabels.max() ?? 0)) + 1
        guard classes > 1, classes <= Self.confusionMatrixClassLimit, labels.count == evaluation.predictedLabels.count else { return nil }
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        for (truth, predicted) in zip(labels, evaluation.predictedLabels) {
            matrix[Int(truth)][Int(predicted)] += 1
        }
        return (matrix, classes)
    }

    /// The confusion matrix's chart, then its per-class precision and recall table.
    func confusionMatrixOutputs() -> [Output]? {
        guard let (matrix, classes) = confusionMatrix() else { return nil }
        let names = classNames(count: classes)
        let heatmap = Heatmap(title: "Confusion matrix (test set)", rowLabels: names, columnLabels: names, values: matrix)
        return [.chart(svg: heatmap.svg(), caption: "Confusion matrix: rows are true classes, columns predicted classes"),
                .table(ClassMetrics.table(ClassMetrics.of(matrix), names: names))]
    }
}
