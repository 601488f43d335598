import Limits

/// Keras `MaxPooling2D` (valid padding): the largest value of each `pool × pool` window, windows
/// `stride` apart, per channel. No parameters. A training pass keeps each maximum's window position
/// in `scratch` for the backward pass.
final class MaxPool2D<Scalar: NeuralScalar>: Layer {
    let geometry: ConvGeometry
    /// Takes half of the batch while a fit or evaluation that set it runs.
    var worker: SplitWorker?
    /// True when the input is a relu's output and this layer's backward pass applies the relu's
    /// gradient (zero where the pooled value is not positive) for the layer before it
    /// (see `Network.fuseReluIntoPooling`).
    var appliesReluGradient = false

    init(geometry: ConvGeometry) {
        self.geometry = geometry
    }

    var typeName: String { "MaxPooling2D" }
    var nameStem: String { "max_pooling2d" }
    var inputSize: Int { geometry.inputSize }
    var outputSize: Int { geometry.outputPixels * geometry.channels }
    var outputShape: [Int] { [geometry.outHeight, geometry.outWidth, geometry.channels] }
    /// Each output's window position of the maximum (B, OH, OW, C), kept for the backward pass.
    func scratchCount(batch: Int) -> Int? { Checked.product(batch, outputSize) }

    /// x (B, H, W, C) → y (B, OH, OW, C).
    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int,
                 training: Bool, scratch: UnsafeMutablePointer<Scalar>) {
        let geometry = geometry, outputSize = outputSize
        Halves.run(batch, worker: worker) { start, count in
            PoolKernels.maxForward(input + start * geometry.inputSize, output + start * outputSize,
                                   argmax: training ? scratch + start * outputSize : nil, batch: count, geometry: geometry)
        }
    }

    /// dy (B, OH, OW, C) → dx (B, H, W, C), each gradient to its window's argmax (from `scratch`),
    /// masked by the relu before this layer when `appliesReluGradient`.
    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>,
                  outputGradient: UnsafeMutablePointer<Scalar>, inputGradient: UnsafeMutablePointer<Scalar>?,
                  batch: Int, scratch: UnsafeMutablePointer<Scalar>, temporary: UnsafeMutablePointer<Scalar>) {
        guard let inputGradient else { return }
        let geometry = geometry, outputSize = outputSize, masks = appliesReluGradient
        Halves.run(batch, worker: worker) { start, count in
            PoolKernels.maxBackward(argmax: scratch + start * outputSize, outputGradient + start * outputSize,
                                    inputGradient + start * geometry.inputSize,
                                    reluOutput: masks ? output + start * outputSize : nil, batch: count, geometry: geometry)
        }
    }
}
