/// Keras `SGD`: without momentum `θ −= lr·g`; with momentum `v = momentum·v − lr·g`, then
/// `θ += v`, or with Nesterov `θ += momentum·v − lr·g`.
final class SGD: Optimizer {
    let learningRate: Float
    let momentum: Float
    let nesterov: Bool
    /// (parameterCount) velocities; empty without momentum.
    private let velocity: Buffer<Float>
    var iterations = 0

    init(learningRate: Float, momentum: Float, nesterov: Bool, parameterCount: Int) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
        velocity = Buffer(count: momentum == 0 ? 0 : parameterCount, filledWith: 0)
    }

    var slots: [Buffer<Float>] { momentum == 0 ? [] : [velocity] }

    func step(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, count: Int,
              worker: SplitWorker? = nil) {
        iterations += 1
        if let worker {
            worker.split(count: count) { range in
                update(parameters + range.lowerBound, gradients + range.lowerBound, offset: range.lowerBound,
                       count: range.count)
            }
        } else {
            update(parameters, gradients, offset: 0, count: count)
        }
    }

    /// The update of parameters `offset..<offset+count` (`parameters` and `gradients` point at `offset`).
    @inline(__always)
    private func update(_ parameters: UnsafeMutablePointer<Float>, _ gradients: UnsafePointer<Float>,
                        offset: Int, count: Int) {
        let lr = learningRate, momentum = momentum
        guard momentum != 0 else {
            for i in 0..<count { parameters[i] -= gradients[i] * lr }
            return
        }
        let v = velocity.pointer + offset
        if nesterov {
            for i in 0..<count {
                v[i] = v[i] * momentum - gradients[i] * lr
                parameters[i] += v[i] * momentum - gradients[i] * lr
            }
        } else {
            for i in 0..<count {
                v[i] = v[i] * momentum - gradients[i] * lr
                parameters[i] += v[i]
            }
        }
    }
}
