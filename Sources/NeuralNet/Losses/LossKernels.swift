/// One entry point for every loss: the batch's loss and accuracy, and the gradient of the mean loss
/// with respect to the model's output. `outputs` is (B, W); `labels` (B) are the integer targets.
enum LossKernels {
    /// Sum of the per-sample losses and the number of rows predicted right (see `AccuracyKernels`).
    @inline(__always)
    static func measure<S: NeuralScalar>(_ loss: Loss, outputs: UnsafePointer<S>, labels: UnsafePointer<Int32>,
                                         batch: Int, width: Int,
                                         predicted: UnsafeMutablePointer<Int32>? = nil) -> (lossSum: Double, hits: Int) {
        switch loss {
        case .categoricalCrossentropy, .sparseCategoricalCrossentropy:
            if width > 1 {
                return CrossEntropyKernels.lossAndHits(probabilities: outputs, labels: labels, batch: batch,
                                                       classes: width, predicted: predicted)
            }
            let lossSum = CrossEntropyKernels.lossAndHits(probabilities: outputs, labels: labels, batch: batch,
                                                          classes: width).lossSum
            return (lossSum, AccuracyKernels.hits(outputs: outputs, labels: labels, batch: batch, width: width,
                                                  predicted: predicted))
        case .binaryCrossentropy:
            return (BinaryCrossEntropyKernels.lossSum(outputs: outputs, labels: labels, batch: batch, width: width),
                    AccuracyKernels.hits(outputs: outputs, labels: labels, batch: batch, width: width,
                                         predicted: predicted))
        case .meanSquaredError:
            return (MeanSquaredErrorKernels.lossSum(outputs: outputs, labels: labels, batch: batch, width: width),
                    AccuracyKernels.hits(outputs: outputs, labels: labels, batch: batch, width: width,
                                         predicted: predicted))
        }
    }

    /// ∂(mean batch loss)/∂outputs into `gradient` (B, W), for an output layer that is not fused
    /// with the loss (the caller then runs the layer's own backward, activation included).
    @inline(__always)
    static func outputGradient<S: NeuralScalar>(_ loss: Loss, outputs: UnsafePointer<S>, labels: UnsafePointer<Int32>,
                                                batch: Int, width: Int, gradient: UnsafeMutablePointer<S>) {
        switch loss {
        case .categoricalCrossentropy, .sparseCategoricalCrossentropy:
            CrossEntropyKernels.probabilityGradient(probabilities: outputs, labels: labels, batch: batch,
                                                    classes: width, gradient: gradient)
        case .binaryCrossentropy:
            BinaryCrossEntropyKernels.gradient(outputs: outputs, labels: labels, batch: batch, width: width,
                                               gradient: gradient)
        case .meanSquaredError:
            MeanSquaredErrorKernels.gradient(outputs: outputs, labels: labels, batch: batch, width: width,
                                             gradient: gradient)
        }
    }

    /// ∂(mean batch loss)/∂z for a softmax output (z its input) under a cross-entropy: `(p − y)/B`.
    @inline(__always)
    static func softmaxGradient<S: NeuralScalar>(outputs: UnsafePointer<S>, labels: UnsafePointer<Int32>,
                                                 batch: Int, width: Int, gradient: UnsafeMutablePointer<S>) {
        CrossEntropyKernels.softmaxGradient(probabilities: outputs, labels: labels, batch: batch, classes: width,
                                            gradient: gradient)
    }
}
