extension Loss {
    /// Throws unless `targets` can train or score a model with `outputUnits` outputs under this loss:
    /// - categorical_crossentropy: one-hot rows as wide as the output;
    /// - sparse_categorical_crossentropy: plain labels in 0..<outputUnits;
    /// - binary_crossentropy: labels 0/1 for an output of width 1, else one-hot rows as wide as the output;
    /// - mean_squared_error: label values for an output of width 1, else one-hot rows as wide as the output.
    func checkTargets(_ targets: Examples.Targets, outputUnits: Int) throws {
        switch (self, targets) {
        case (.sparseCategoricalCrossentropy, .oneHot):
            throw NeuralNetError.targetsDoNotFitLoss(
                loss: self, problem: "it takes integer labels but the targets are one-hot rows",
                fix: "use categorical_crossentropy, or drop `one_hot` from preprocess")
        case (.sparseCategoricalCrossentropy, .labels(let labels)):
            try Self.checkRange(labels, classes: outputUnits)
        case (.binaryCrossentropy, .labels(let labels)) where outputUnits == 1:
            if let bad = labels.firstIndex(where: { $0 != 0 && $0 != 1 }) {
                throw NeuralNetError.targetsDoNotFitLoss(
                    loss: self, problem: "with one output it needs labels 0 or 1, but sample \(bad) has label \(labels[bad])",
                    fix: "use labels 0/1, or `one_hot: N` with a last layer of N sigmoid units")
            }
        case (.meanSquaredError, .labels) where outputUnits == 1:
            return
        case (.binaryCrossentropy, .oneHot), (.meanSquaredError, .oneHot), (.categoricalCrossentropy, .oneHot):
            guard case .oneHot(let labels, let classes) = targets else { return }
            guard classes == outputUnits else {
                throw NeuralNetError.targetWidthMismatch(loss: self, targetWidth: classes, outputUnits: outputUnits)
            }
            if outputUnits == 1 && self != .categoricalCrossentropy {
                throw NeuralNetError.targetsDoNotFitLoss(
                    loss: self, problem: "one-hot rows of width 1 make every target 1",
                    fix: "drop `one_hot` so the labels themselves are the targets")
            }
            try Self.checkRange(labels, classes: classes)
        case (.categoricalCrossentropy, .labels), (.binaryCrossentropy, .labels), (.meanSquaredError, .labels):
            throw NeuralNetError.targetsNeedOneHot(loss: self, outputUnits: outputUnits)
        }
    }

    private static func checkRange(_ labels: [Int32], classes: Int) throws {
        if let bad = labels.firstIndex(where: { $0 < 0 || Int($0) >= classes }) {
            throw NeuralNetError.labelOutOfRange(sample: bad, label: labels[bad], classes: classes)
        }
    }
}

/// How labels reach the loss: as integers, or as one-hot rows of a given width.
public enum LabelEncoding: Sendable, Equatable {
    case integers
    case oneHot(width: Int)
}

extension Loss {
    /// Throws what `fit` or `evaluate` would throw for labels `0..<classes` presented as `encoding`
    /// to a model with `outputUnits` outputs — the same rules, decided before any data is read.
    public func checkLabels(_ encoding: LabelEncoding, classes: Int, outputUnits: Int) throws {
        let labels = (0..<Int32(clamping: max(classes, 1))).map { $0 }
        switch encoding {
        case .integers: try checkTargets(.labels(labels), outputUnits: outputUnits)
        case .oneHot(let width): try checkTargets(.oneHot(labels: labels, classes: width), outputUnits: outputUnits)
        }
    }
}
