/// The metrics of one finished epoch.
public struct EpochSummary: Sendable {
    /// 1-based.
    public var epoch: Int
    public var epochs: Int
    /// Mean over the epoch's training samples (batch means weighted by batch size, as Keras reports).
    public var loss: Double
    public var accuracy: Double
    /// Over the whole validation set after the epoch; nil without validation.
    public var valLoss: Double?
    public var valAccuracy: Double?
    /// Wall-clock seconds, validation pass included.
    public var seconds: Double

    public init(epoch: Int, epochs: Int, loss: Double, accuracy: Double, valLoss: Double?,
                valAccuracy: Double?, seconds: Double) {
        self.epoch = epoch
        self.epochs = epochs
        self.loss = loss
        self.accuracy = accuracy
        self.valLoss = valLoss
        self.valAccuracy = valAccuracy
        self.seconds = seconds
    }
}

/// Progress reported while `fit` runs, enough to draw Keras' progress bar.
public enum TrainingEvent: Sendable {
    /// `epoch` is 1-based; `steps` is the number of batches in the epoch.
    case epochStarted(epoch: Int, epochs: Int, steps: Int)
    /// `loss` and `accuracy` are the running means of the epoch so far; `elapsed` is seconds since
    /// the epoch started.
    case batchFinished(epoch: Int, step: Int, steps: Int, loss: Double, accuracy: Double, elapsed: Double)
    case epochFinished(EpochSummary)
}
