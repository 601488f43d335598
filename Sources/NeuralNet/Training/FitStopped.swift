import Limits

/// Thrown by `Sequential.fit` when its `Cancellation` was asked for: training stopped at the end of
/// a batch, as Keras does on Ctrl-C.
///
/// The model keeps the weights of the last finished batch (and the optimizer its state), and
/// `history` holds the epochs finished before the stop — not the partial one.
public struct FitStopped: Error, Sendable, Equatable {
    public var reason: Cancellation.Reason
    /// The finished epochs.
    public var history: History
    /// The epoch (1-based) that was running, of `epochs`.
    public var epoch: Int
    public var epochs: Int
    /// Batches of that epoch finished before the stop (its validation pass, if any, not run), of `steps`.
    public var step: Int
    public var steps: Int

    public init(reason: Cancellation.Reason, history: History, epoch: Int, epochs: Int, step: Int, steps: Int) {
        self.reason = reason
        self.history = history
        self.epoch = epoch
        self.epochs = epochs
        self.step = step
        self.steps = steps
    }
}
