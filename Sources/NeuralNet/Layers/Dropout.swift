import Limits

/// Keras `Dropout(rate)`: while training, zeroes each value with probability `rate` and scales the
/// others by 1/(1 − rate) (inverted dropout); at evaluation and predict it passes values through.
///
/// The mask comes from the layer's own seeded generator (seeded from the model seed and the layer's
/// position), so training stays deterministic; it is kept in `scratch` (B, size) for the backward pass.
final class Dropout<Scalar: NeuralScalar>: Layer {
    let inputSize: Int
    let outputShape: [Int]
    let rate: Double
    /// Draws the masks; a value type, so a test can save and restore it to repeat a mask.
    var generator: SeededGenerator

    init(shape: [Int], rate: Double, seed: UInt64) {
        inputSize = shape.reduce(1, *)
        outputShape = shape
        self.rate = rate
        generator = SeededGenerator(seed: seed)
    }

    var typeName: String { "Dropout" }
    var nameStem: String { "dropout" }
    var outputSize: Int { inputSize }
    /// The mask (B, size).
    func scratchCount(batch: Int) -> Int? { Checked.product(batch, inputSize) }

    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int,
                 training: Bool, scratch: UnsafeMutablePointer<Scalar>) {
        let count = batch * inputSize
        guard training, rate > 0 else { return output.update(from: input, count: count) }
        DropoutKernels.drawMask(scratch, count: count, rate: rate, using: &generator)
        DropoutKernels.apply(scratch, to: input, into: output, count: count)
    }

    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>,
                  outputGradient: UnsafeMutablePointer<Scalar>, inputGradient: UnsafeMutablePointer<Scalar>?,
                  batch: Int, scratch: UnsafeMutablePointer<Scalar>, temporary: UnsafeMutablePointer<Scalar>) {
        guard let inputGradient else { return }
        let count = batch * inputSize
        guard rate > 0 else { return inputGradient.update(from: outputGradient, count: count) }
        DropoutKernels.apply(scratch, to: outputGradient, into: inputGradient, count: count)
    }
}
