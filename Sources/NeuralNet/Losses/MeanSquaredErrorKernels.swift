/// Keras `mean_squared_error`: per sample `mean_k((p − y)²)`, then the batch mean. Targets come from
/// labels through `LossTarget` (label value for width 1, one-hot otherwise).
enum MeanSquaredErrorKernels {
    /// Sum over the batch of the per-sample losses. `outputs` is (B, W).
    @inline(__always)
    static func lossSum<S: NeuralScalar>(outputs p: UnsafePointer<S>, labels: UnsafePointer<Int32>,
                                         batch: Int, width: Int) -> Double {
        var total = 0.0
        for row in 0..<batch {
            let r = p + row * width
            var sum: S = 0
            for c in 0..<width {
                let difference = r[c] - LossTarget.value(label: labels[row], column: c, width: width)
                sum += difference * difference
            }
            total += Double(sum) / Double(width)
        }
        return total
    }

    /// ∂(mean loss)/∂p = `2(p − y) / (W·B)`.
    @inline(__always)
    static func gradient<S: NeuralScalar>(outputs p: UnsafePointer<S>, labels: UnsafePointer<Int32>,
                                          batch: Int, width: Int, gradient dp: UnsafeMutablePointer<S>) {
        let scale = 2 / (S(width) * S(batch))
        for row in 0..<batch {
            let r = p + row * width, g = dp + row * width
            for c in 0..<width {
                g[c] = (r[c] - LossTarget.value(label: labels[row], column: c, width: width)) * scale
            }
        }
    }
}
