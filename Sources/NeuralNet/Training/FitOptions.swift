/// How `Sequential.fit` trains: Keras' `compile` and `fit` arguments in one value.
public struct FitOptions: Sendable {
    public var epochs: Int
    public var batchSize: Int
    /// Fraction of the rows held out for validation: the LAST `N − floor(N·(1 − split))` rows,
    /// taken before any shuffling (Keras `validation_split`).
    public var validationSplit: Double
    /// Reshuffle the training rows before each epoch.
    public var shuffle: Bool
    public var loss: Loss
    public var optimizer: OptimizerSpec

    public init(loss: Loss, optimizer: OptimizerSpec = .defaultAdam, epochs: Int = 1, batchSize: Int = 32,
                validationSplit: Double = 0.0, shuffle: Bool = true) {
        self.loss = loss
        self.optimizer = optimizer
        self.epochs = epochs
        self.batchSize = batchSize
        self.validationSplit = validationSplit
        self.shuffle = shuffle
    }
}

extension FitOptions {
    /// Keras' split of `count` rows: `split_at = floor(count · (1 − validationSplit))`; rows
    /// `[0, split_at)` train and the rest validate (held out before any shuffling).
    public func trainingRows(of count: Int) -> Int {
        validationSplit > 0 ? Int((Double(count) * (1 - validationSplit)).rounded(.down)) : count
    }
}
