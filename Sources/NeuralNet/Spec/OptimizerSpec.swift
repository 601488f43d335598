/// An optimizer and its hyper-parameters, with Keras' defaults and update rules.
public enum OptimizerSpec: Equatable, Sendable {
    /// Keras `Adam`: beta_1 0.9, beta_2 0.999, epsilon 1e-7 (added to the uncorrected √v).
    case adam(learningRate: Float)
    /// Keras `SGD`: `v = momentum·v − lr·g; θ += v` (Nesterov: `θ += momentum·v − lr·g`).
    case sgd(learningRate: Float, momentum: Float, nesterov: Bool)
    /// Keras `RMSprop` (rho 0.9, no momentum, not centered): `v = ρ·v + (1 − ρ)·g²; θ −= lr·g/√(v + ε)`,
    /// ε = 1e-7 inside the root.
    case rmsprop(learningRate: Float)
    /// Keras `AdamW`: Adam (as above) with decoupled weight decay applied to every parameter before
    /// each step, `θ −= lr·weight_decay·θ`.
    case adamw(learningRate: Float, weightDecay: Float)

    /// `Adam()` with learning rate 0.001.
    public static let defaultAdam: OptimizerSpec = .adam(learningRate: 0.001)
    /// `SGD()` with learning rate 0.01 and no momentum.
    public static let defaultSGD: OptimizerSpec = .sgd(learningRate: 0.01, momentum: 0, nesterov: false)
    /// `RMSprop()` with learning rate 0.001.
    public static let defaultRMSprop: OptimizerSpec = .rmsprop(learningRate: 0.001)
    /// `AdamW()` with learning rate 0.001 and weight decay 0.004.
    public static let defaultAdamW: OptimizerSpec = .adamw(learningRate: 0.001, weightDecay: 0.004)

    /// The step size.
    public var learningRate: Float {
        switch self {
        case .adam(let learningRate), .sgd(let learningRate, _, _), .rmsprop(let learningRate),
             .adamw(let learningRate, _):
            return learningRate
        }
    }

    /// Float values per parameter the optimizer keeps between steps (Adam: m and v).
    var stateSlotsPerParameter: Int {
        switch self {
        case .adam, .adamw: return 2
        case .sgd(_, let momentum, _): return momentum == 0 ? 0 : 1
        case .rmsprop: return 1
        }
    }
}
