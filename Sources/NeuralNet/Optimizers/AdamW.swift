/// Keras `AdamW`: Adam with decoupled weight decay applied to every parameter (kernels and biases,
/// as Keras does unless told to exclude some) BEFORE the Adam step: `θ −= lr·weight_decay·θ`, then
/// the `Adam` update with the same learning rate.
final class AdamW: Optimizer {
    let learningRate: Float
    let weightDecay: Float
    private let adam: Adam

    init(learningRate: Float, weightDecay: Float, parameterCount: Int) {
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        adam = Adam(learningRate: learningRate, parameterCount: parameterCount)
    }

    var iterations: Int {
        get { adam.iterations }
        set { adam.iterations = newValue }
    }

    var slots: [Buffer<Float>] { adam.slots }

    func step(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, count: Int,
              worker: SplitWorker? = nil) {
        let keep = 1 - learningRate * weightDecay
        if keep != 1 {
            if let worker {
                worker.split(count: count) { range in
                    Self.decay(parameters + range.lowerBound, count: range.count, keep: keep)
                }
            } else {
                Self.decay(parameters, count: count, keep: keep)
            }
        }
        adam.step(parameters: parameters, gradients: gradients, count: count, worker: worker)
    }

    /// `θ = θ·keep` for `count` parameters, `keep = 1 − lr·weight_decay`.
    @inline(__always)
    private static func decay(_ parameters: UnsafeMutablePointer<Float>, count: Int, keep: Float) {
        for i in 0..<count { parameters[i] *= keep }
    }
}
