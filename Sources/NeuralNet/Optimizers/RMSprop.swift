/// Keras `RMSprop` with its defaults (rho 0.9, momentum 0, epsilon 1e-7, not centered):
/// `v = ρ·v + (1 − ρ)·g²; θ −= lr·g / √(v + ε)` — ε inside the square root.
final class RMSprop: Optimizer {
    let learningRate: Float
    let rho: Float = 0.9
    let epsilon: Float = 1e-7
    /// (parameterCount) running mean of squared gradients.
    private let v: Buffer<Float>
    var iterations = 0

    init(learningRate: Float, parameterCount: Int) {
        self.learningRate = learningRate
        v = Buffer(count: parameterCount, filledWith: 0)
    }

    var slots: [Buffer<Float>] { [v] }

    func step(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, count: Int,
              worker: SplitWorker? = nil) {
        iterations += 1
        let v = v.pointer
        if let worker {
            worker.split(count: count) { range in
                update(parameters + range.lowerBound, gradients + range.lowerBound, v + range.lowerBound,
                       count: range.count)
            }
        } else {
            update(parameters, gradients, v, count: count)
        }
    }

    @inline(__always)
    private func update(_ parameters: UnsafeMutablePointer<Float>, _ gradients: UnsafePointer<Float>,
                        _ v: UnsafeMutablePointer<Float>, count: Int) {
        let rho = rho, oneMinusRho = 1 - rho, lr = learningRate, epsilon = epsilon
        var i = 0
        while i &+ Lanes.width <= count {
            let g = Lanes.load(gradients + i)
            let vi = rho * Lanes.load(v + i) + oneMinusRho * g * g
            Lanes.store(vi, v + i)
            Lanes.store(Lanes.load(parameters + i) - lr * g / Lanes.squareRoot(vi + epsilon), parameters + i)
            i &+= Lanes.width
        }
        while i < count {
            let g = gradients[i]
            v[i] = rho * v[i] + oneMinusRho * g * g
            parameters[i] -= lr * g / (v[i] + epsilon).squareRoot()
            i &+= 1
        }
    }
}
