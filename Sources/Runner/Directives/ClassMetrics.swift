/// Per-class precision and recall from a confusion matrix (rows true classes, columns predicted).
struct ClassMetrics: Equatable {
    /// Of the samples predicted as this class, the share that are; nil when none was predicted as it.
    var precision: Double?
    /// Of the samples of this class, the share predicted as it; nil when the class has no samples.
    var recall: Double?
    /// How many samples truly are of this class.
    var support: Int

    /// One entry per class of the square `matrix`.
    static func of(_ matrix: [[Int]]) -> [ClassMetrics] {
        matrix.indices.map { label in
            let correct = matrix[label].indices.contains(label) ? matrix[label][label] : 0
            let support = matrix[label].reduce(0, +)
            let predicted = matrix.reduce(0) { $0 + ($1.indices.contains(label) ? $1[label] : 0) }
            return ClassMetrics(precision: predicted > 0 ? Double(correct) / Double(predicted) : nil,
                                recall: support > 0 ? Double(correct) / Double(support) : nil,
                                support: support)
        }
    }

    /// The table `plot: confusion_matrix` shows beside its chart; "—" where a share is undefined.
    static func table(_ metrics: [ClassMetrics], names: [String]) -> Table {
        let rows = metrics.enumerated().map { label, metric in
            [names.indices.contains(label) ? names[label] : String(label),
             metric.precision.map(Format.metric) ?? "—", metric.recall.map(Format.metric) ?? "—",
             Format.integer(metric.support)]
        }
        return Table(caption: "Precision and recall per class (test set)", header: ["class", "precision", "recall", "support"],
                     rows: rows, numericColumns: [1, 2, 3])
    }
}
