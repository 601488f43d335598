/// Loss names accepted by `fit` (the Keras alias `mse` reads as `mean_squared_error`).
public enum LossName: String, Sendable, CaseIterable {
    case categoricalCrossentropy = "categorical_crossentropy"
    case sparseCategoricalCrossentropy = "sparse_categorical_crossentropy"
    case binaryCrossentropy = "binary_crossentropy"
    case meanSquaredError = "mean_squared_error"
}

/// `fit`: training options, Keras names and defaults.
public struct FitDirective: Sendable, Equatable {
    /// The update rule, with Keras' defaults.
    public enum Optimizer: String, Sendable, CaseIterable { case adam, sgd, rmsprop, adamw }

    public var loss: LossName
    public var optimizer: Optimizer
    /// nil: the optimizer's Keras default (adam, rmsprop, adamw 0.001; sgd 0.01).
    public var learningRate: Double?
    /// sgd only (0 ≤ m < 1); default 0.
    public var momentum: Double
    /// sgd only; default false.
    public var nesterov: Bool
    /// adamw only (≥ 0); nil: Keras' default 0.004.
    public var weightDecay: Double?
    public var epochs: Int
    public var batchSize: Int
    /// 0 ≤ s < 1: the last fraction of the training data, held out before shuffling.
    public var validationSplit: Double
    public var shuffle: Bool

    public init(loss: LossName, optimizer: Optimizer = .adam, learningRate: Double? = nil, momentum: Double = 0,
                nesterov: Bool = false, weightDecay: Double? = nil, epochs: Int = 1, batchSize: Int = 32,
                validationSplit: Double = 0, shuffle: Bool = true) {
        self.loss = loss
        self.optimizer = optimizer
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
        self.weightDecay = weightDecay
        self.epochs = epochs
        self.batchSize = batchSize
        self.validationSplit = validationSplit
        self.shuffle = shuffle
    }
}
