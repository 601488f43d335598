/// Batch normalization over the last axis, forward and backward side by side.
///
/// `x` and `y` are (M, C) with M = B·(everything but the channel axis); statistics are per channel.
/// Training: `x̂ = (x − μ)/√(σ² + ε)` with the batch's mean μ and (biased) variance σ², `y = γ·x̂ + β`;
/// evaluation uses the moving mean and variance instead.
enum BatchNormKernels {
    /// Training forward: writes y, the batch mean and 1/√(σ² + ε) (C each, kept for backward), and
    /// moves the moving statistics: `moving = moving·momentum + batch·(1 − momentum)`.
    @inline(__always)
    static func trainingForward<S: NeuralScalar>(x: UnsafePointer<S>, y: UnsafeMutablePointer<S>, rows: Int, channels: Int,
                                                 gamma: UnsafePointer<S>, beta: UnsafePointer<S>,
                                                 movingMean: UnsafeMutablePointer<S>, movingVariance: UnsafeMutablePointer<S>,
                                                 mean: UnsafeMutablePointer<S>, inverseDeviation: UnsafeMutablePointer<S>,
                                                 momentum: S, epsilon: S) {
        let count = S(rows)
        mean.update(repeating: 0, count: channels)
        for r in 0..<rows {
            let row = x + r * channels
            for c in 0..<channels { mean[c] += row[c] }
        }
        for c in 0..<channels { mean[c] /= count }
        let variance = inverseDeviation   // holds the variance until the end
        variance.update(repeating: 0, count: channels)
        for r in 0..<rows {
            let row = x + r * channels
            for c in 0..<channels {
                let d = row[c] - mean[c]
                variance[c] += d * d
            }
        }
        for c in 0..<channels {
            let v = variance[c] / count
            movingMean[c] = movingMean[c] * momentum + mean[c] * (1 - momentum)
            movingVariance[c] = movingVariance[c] * momentum + v * (1 - momentum)
            inverseDeviation[c] = 1 / (v + epsilon).squareRoot()
        }
        normalize(x: x, y: y, rows: rows, channels: channels, gamma: gamma, beta: beta, mean: mean,
                  inverseDeviation: inverseDeviation)
    }

    /// Evaluation forward with the moving statistics.
    @inline(__always)
    static func inferenceForward<S: NeuralScalar>(x: UnsafePointer<S>, y: UnsafeMutablePointer<S>, rows: Int, channels: Int,
                                                  gamma: UnsafePointer<S>, beta: UnsafePointer<S>,
                                                  movingMean: UnsafePointer<S>, movingVariance: UnsafePointer<S>,
                                                  scratch: UnsafeMutablePointer<S>, epsilon: S) {
        let inverseDeviation = scratch
        for c in 0..<channels { inverseDeviation[c] = 1 / (movingVariance[c] + epsilon).squareRoot() }
        normalize(x: x, y: y, rows: rows, channels: channels, gamma: gamma, beta: beta, mean: movingMean,
                  inverseDeviation: inverseDeviation)
    }

    /// `y = γ·(x − mean)·inverseDeviation + β`.
    @inline(__always)
    private static func normalize<S: NeuralScalar>(x: UnsafePointer<S>, y: UnsafeMutablePointer<S>, rows: Int, channels: Int,
                                                   gamma: UnsafePointer<S>, beta: UnsafePointer<S>, mean: UnsafePointer<S>,
                                                   inverseDeviation: UnsafePointer<S>) {
        for r in 0..<rows {
            let row = x + r * channels, out = y + r * channels
            for c in 0..<channels { out[c] = gamma[c] * ((row[c] - mean[c]) * inverseDeviation[c]) + beta[c] }
        }
    }

    /// From dy (M, C): dγ = Σ dy·x̂, dβ = Σ dy and, when `dx` is given,
    /// `dx = γ·inverseDeviation/M · (M·dy − dβ − x̂·dγ)` (the batch statistics depend on x too).
    @inline(__always)
    static func backward<S: NeuralScalar>(x: UnsafePointer<S>, dy: UnsafePointer<S>, dx: UnsafeMutablePointer<S>?,
                                          rows: Int, channels: Int, gamma: UnsafePointer<S>,
                                          mean: UnsafePointer<S>, inverseDeviation: UnsafePointer<S>,
                                          gammaGradient: UnsafeMutablePointer<S>, betaGradient: UnsafeMutablePointer<S>) {
        gammaGradient.update(repeating: 0, count: channels)
        betaGradient.update(repeating: 0, count: channels)
        for r in 0..<rows {
            let row = x + r * channels, gradient = dy + r * channels
            for c in 0..<channels {
                betaGradient[c] += gradient[c]
                gammaGradient[c] += gradient[c] * (row[c] - mean[c]) * inverseDeviation[c]
            }
        }
        guard let dx else { return }
        let count = S(rows)
        for r in 0..<rows {
            let row = x + r * channels, gradient = dy + r * channels, out = dx + r * channels
            for c in 0..<channels {
                let normalized = (row[c] - mean[c]) * inverseDeviation[c]
                out[c] = gamma[c] * inverseDeviation[c] / count
                    * (count * gradient[c] - betaGradient[c] - normalized * gammaGradient[c])
            }
        }
    }
}
