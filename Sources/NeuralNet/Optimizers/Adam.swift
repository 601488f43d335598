/// Keras `Adam`, step t (1-based):
/// `m += (g − m)(1 − β1); v += (g² − v)(1 − β2); θ −= α·m / (√v + ε)`, `α = lr·√(1 − β2ᵗ)/(1 − β1ᵗ)`
/// — ε on the uncorrected √v, as Keras does (PyTorch differs).
final class Adam: Optimizer {
    let learningRate: Float
    let beta1: Float = 0.9
    let beta2: Float = 0.999
    let epsilon: Float = 1e-7
    var iterations = 0
    /// (parameterCount) first and second moments.
    private let m: Buffer<Float>
    private let v: Buffer<Float>

    init(learningRate: Float, parameterCount: Int) {
        self.learningRate = learningRate
        m = Buffer(count: parameterCount, filledWith: 0)
        v = Buffer(count: parameterCount, filledWith: 0)
    }

    var slots: [Buffer<Float>] { [m, v] }

    func step(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, count: Int,
              worker: SplitWorker? = nil) {
        iterations += 1
        let t = Double(iterations)
        let alpha = Float(Double(learningRate) * (1 - integerPower(Double(beta2), t)).squareRoot()
            / (1 - integerPower(Double(beta1), t)))
        let m = m.pointer, v = v.pointer
        if let worker {
            worker.split(count: count) { range in
                update(parameters + range.lowerBound, gradients + range.lowerBound, m + range.lowerBound,
                       v + range.lowerBound, count: range.count, alpha: alpha)
            }
        } else {
            update(parameters, gradients, m, v, count: count, alpha: alpha)
        }
    }

    /// The update of `count` consecutive parameters with step size `alpha`.
    @inline(__always)
    private func update(_ parameters: UnsafeMutablePointer<Float>, _ gradients: UnsafePointer<Float>,
                        _ m: UnsafeMutablePointer<Float>, _ v: UnsafeMutablePointer<Float>, count: Int, alpha: Float) {
        let oneMinusBeta1 = 1 - beta1, oneMinusBeta2 = 1 - beta2, epsilon = epsilon
        var i = 0
        while i &+ Lanes.width <= count {
            let g = Lanes.load(gradients + i)
            var mi = Lanes.load(m + i), vi = Lanes.load(v + i), theta = Lanes.load(parameters + i)
            mi += (g - mi) * oneMinusBeta1
            vi += (g * g - vi) * oneMinusBeta2
            theta -= (mi * alpha) / (Lanes.squareRoot(vi) + epsilon)
            Lanes.store(mi, m + i)
            Lanes.store(vi, v + i)
            Lanes.store(theta, parameters + i)
            i &+= Lanes.width
        }
        while i < count {
            let g = gradients[i]
            m[i] += (g - m[i]) * oneMinusBeta1
            v[i] += (g * g - v[i]) * oneMinusBeta2
            parameters[i] -= (m[i] * alpha) / (v[i].squareRoot() + epsilon)
            i += 1
        }
    }

    private func integerPower(_ base: Double, _ exponent: Double) -> Double {
        var result = 1.0
        var remaining = Int(exponent)
        var factor = base
        while remaining > 0 {
            if remaining & 1 == 1 { result *= factor }
            factor *= factor
            remaining >>= 1
        }
        return result
    }
}
