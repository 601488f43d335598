/// Updates parameters in place from their gradients, keeping whatever state it needs between steps.
protocol Optimizer: AnyObject {
    /// One update of `count` parameters. `gradients` holds ∂(mean batch loss)/∂parameters. A
    /// `worker`, when given, may take half of the parameters.
    func step(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, count: Int,
              worker: SplitWorker?)
    /// Steps taken since the optimizer was made (Keras' `iterations`); a model file keeps it.
    var iterations: Int { get set }
    /// The per-parameter arrays it keeps between steps, in `OptimizerSpec.slotNames` order (Adam:
    /// m then v; SGD with momentum: its velocity; RMSprop: its mean square; none for plain SGD).
    var slots: [Buffer<Float>] { get }
}

extension OptimizerSpec {
    /// Throws unless the hyper-parameters are usable.
    func validate() throws {
        switch self {
        case .adam(let learningRate), .rmsprop(let learningRate):
            guard learningRate.isFinite, learningRate >= 0 else {
                throw NeuralNetError.invalidOptimizer("learning_rate is \(learningRate); use a positive number such as 0.001")
            }
        case .sgd(let learningRate, let momentum, _):
            guard learningRate.isFinite, learningRate >= 0 else {
                throw NeuralNetError.invalidOptimizer("learning_rate is \(learningRate); use a positive number such as 0.01")
            }
            guard momentum.isFinite, momentum >= 0, momentum <= 1 else {
                throw NeuralNetError.invalidOptimizer("momentum is \(momentum); use a number from 0 to 1, such as 0.9")
            }
        case .adamw(let learningRate, let weightDecay):
            guard learningRate.isFinite, learningRate >= 0 else {
                throw NeuralNetError.invalidOptimizer("learning_rate is \(learningRate); use a positive number such as 0.001")
            }
            guard weightDecay.isFinite, weightDecay >= 0, learningRate * weightDecay <= 1 else {
                throw NeuralNetError.invalidOptimizer("weight_decay is \(weightDecay); use a small non-negative number such as 0.004 (learning_rate × weight_decay must not exceed 1)")
            }
        }
    }

    /// The names of the optimizer's state arrays in a model file (`optimizer.NAME`), one per
    /// `slots` entry: Adam and AdamW `m`, `v`; SGD with momentum `velocity`; RMSprop `v`.
    var slotNames: [String] {
        switch self {
        case .adam, .adamw: return ["m", "v"]
        case .sgd(_, let momentum, _): return momentum == 0 ? [] : ["velocity"]
        case .rmsprop: return ["v"]
        }
    }

    /// A fresh optimizer (zero state) for `parameterCount` parameters.
    func makeOptimizer(parameterCount: Int) -> Optimizer {
        switch self {
        case .adam(let learningRate):
            return Adam(learningRate: learningRate, parameterCount: parameterCount)
        case .sgd(let learningRate, let momentum, let nesterov):
            return SGD(learningRate: learningRate, momentum: momentum, nesterov: nesterov,
                       parameterCount: parameterCount)
        case .rmsprop(let learningRate):
            return RMSprop(learningRate: learningRate, parameterCount: parameterCount)
        case .adamw(let learningRate, let weightDecay):
            return AdamW(learningRate: learningRate, weightDecay: weightDecay, parameterCount: parameterCount)
        }
    }
}
