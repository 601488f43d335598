/// Categorical cross-entropy from probabilities, as Keras computes it, read straight from integer
/// labels (a one-hot row is never built).
///
/// Per sample: `q = p / Σp`, loss `−log(clip(q[label], 1e-7, 1 − 1e-7))`; the batch loss is the mean.
enum CrossEntropyKernels {
    /// Keras' `backend.epsilon()`.
    static let epsilon = 1e-7

    /// Sum of the per-sample losses and the number of rows whose argmax is the label.
    /// `probabilities` is (B, C); `predicted`, when given, receives each row's argmax (B).
    @inline(__always)
    static func lossAndHits<S: NeuralScalar>(probabilities p: UnsafePointer<S>, labels: UnsafePointer<Int32>,
                                             batch: Int, classes: Int,
                                             predicted: UnsafeMutablePointer<Int32>? = nil) -> (lossSum: Double, hits: Int) {
        let low = S(epsilon), high = 1 - S(epsilon)
        var lossSum = 0.0
        var hits = 0
        for row in 0..<batch {
            let r = p + row * classes
            var sum: S = 0
            var best = 0
            for c in 0..<classes {
                sum += r[c]
                if r[c] > r[best] { best = c }
            }
            let label = Int(labels[row])
            let q = Swift.min(Swift.max(r[label] / sum, low), high)
            lossSum -= Double(S.logarithm(q))
            if best == label { hits += 1 }
            predicted?[row] = Int32(best)
        }
        return (lossSum, hits)
    }

    /// ∂(mean loss)/∂z for a softmax output layer, z being the softmax's input: `(p − onehot(label)) / B`.
    /// This is the gradient Keras takes (TensorFlow differentiates the softmax logits directly), so
    /// the clip only shapes the reported loss, never stalls learning.
    @inline(__always)
    static func softmaxGradient<S: NeuralScalar>(probabilities p: UnsafePointer<S>, labels: UnsafePointer<Int32>,
                                                 batch: Int, classes: Int, gradient dz: UnsafeMutablePointer<S>) {
        let scale = 1 / S(batch)
        for row in 0..<batch {
            let r = p + row * classes, g = dz + row * classes
            for c in 0..<classes { g[c] = r[c] * scale }
            g[Int(labels[row])] -= scale
        }
    }

    /// ∂(mean loss)/∂p for an output layer that is not softmax: `(1/Σp − [c = label]/p[label]) / B`,
    /// zero for a sample whose normalized probability was clipped.
    @inline(__always)
    static func probabilityGradient<S: NeuralScalar>(probabilities p: UnsafePointer<S>, labels: UnsafePointer<Int32>,
                                                     batch: Int, classes: Int, gradient dp: UnsafeMutablePointer<S>) {
        let scale = 1 / S(batch)
        let low = S(epsilon), high = 1 - S(epsilon)
        for row in 0..<batch {
            let r = p + row * classes, g = dp + row * classes
            let label = Int(labels[row])
            var sum: S = 0
            for c in 0..<classes { sum += r[c] }
            let q = r[label] / sum
            guard q > low, q < high else {
                for c in 0..<classes { g[c] = 0 }
                continue
            }
            for c in 0..<classes { g[c] = scale / sum }
            g[label] -= scale / r[label]
        }
    }
}
