/// Binary cross-entropy from probabilities, as Keras computes it: each output clipped to
/// [1e-7, 1 − 1e-7], per sample `−mean_k(y·log p + (1 − y)·log(1 − p))`, then the batch mean.
/// Targets come from labels through `LossTarget` (label value for width 1, one-hot otherwise).
enum BinaryCrossEntropyKernels {
    /// Sum over the batch of the per-sample losses. `outputs` is (B, W).
    @inline(__always)
    static func lossSum<S: NeuralScalar>(outputs p: UnsafePointer<S>, labels: UnsafePointer<Int32>,
                                         batch: Int, width: Int) -> Double {
        let low = S(CrossEntropyKernels.epsilon), high = 1 - S(CrossEntropyKernels.epsilon)
        var total = 0.0
        for row in 0..<batch {
            let r = p + row * width
            var sum: S = 0
            for c in 0..<width {
                let y: S = LossTarget.value(label: labels[row], column: c, width: width)
                let q = Swift.min(Swift.max(r[c], low), high)
                sum += y * S.logarithm(q) + (1 - y) * S.logarithm(1 - q)
            }
            total -= Double(sum) / Double(width)
        }
        return total
    }

    /// ∂(mean loss)/∂p: `−(y/p − (1 − y)/(1 − p)) / (W·B)`, zero where the output was clipped.
    @inline(__always)
    static func gradient<S: NeuralScalar>(outputs p: UnsafePointer<S>, labels: UnsafePointer<Int32>,
                                          batch: Int, width: Int, gradient dp: UnsafeMutablePointer<S>) {
        let low = S(CrossEntropyKernels.epsilon), high = 1 - S(CrossEntropyKernels.epsilon)
        let scale = 1 / (S(width) * S(batch))
        for row in 0..<batch {
            let r = p + row * width, g = dp + row * width
            for c in 0..<width {
                let y: S = LossTarget.value(label: labels[row], column: c, width: width)
                let q = r[c]
                g[c] = q > low && q < high ? -(y / q - (1 - y) / (1 - q)) * scale : 0
            }
        }
    }
}
