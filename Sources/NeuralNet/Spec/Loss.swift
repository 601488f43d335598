/// A loss function, named as in Keras. Every loss reads the targets as integer labels; how a label
/// becomes a target row depends on the loss and the width of the model's output (see `Loss+Targets`).
public enum Loss: String, CaseIterable, Sendable, Codable {
    /// Cross-entropy between one-hot targets (`one_hot: K` in preprocess) and predicted probabilities:
    /// rows divided by their sum, clipped to [1e-7, 1 − 1e-7], `−Σ y·log p`, averaged over the batch.
    case categoricalCrossentropy = "categorical_crossentropy"
    /// The same cross-entropy, read from plain integer labels (no `one_hot`).
    case sparseCategoricalCrossentropy = "sparse_categorical_crossentropy"
    /// Element-wise cross-entropy of independent probabilities, clipped to [1e-7, 1 − 1e-7]:
    /// `−mean(y·log p + (1 − y)·log(1 − p))` over the outputs, then over the batch. A sigmoid output of
    /// width 1 takes labels 0/1; an output of width K takes one-hot rows of width K.
    case binaryCrossentropy = "binary_crossentropy"
    /// `mean((p − y)²)` over the outputs, then over the batch: against one-hot rows (width K) or, for
    /// an output of width 1, against the label's value.
    case meanSquaredError = "mean_squared_error"

    /// True when the targets are plain labels, one per sample (`sparse_categorical_crossentropy`);
    /// false when they are one-hot rows (or, for a width-1 output, a label value).
    public var takesIntegerLabels: Bool { self == .sparseCategoricalCrossentropy }

    /// True for the cross-entropies whose gradient through a softmax output is simply `p − y`.
    var fusesWithSoftmax: Bool { self == .categoricalCrossentropy || self == .sparseCategoricalCrossentropy }
}
