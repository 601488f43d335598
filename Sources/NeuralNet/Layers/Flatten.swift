/// Keras `Flatten`: (B, H, W, C) → (B, H·W·C). Channels-last rows are already laid out flat, so
/// the workspace hands it its input's buffers (`isView`) and both passes do nothing; given
/// separate buffers they copy.
final class Flatten<Scalar: NeuralScalar>: Layer {
    let inputSize: Int

    init(inputSize: Int) {
        self.inputSize = inputSize
    }

    var typeName: String { "Flatten" }
    var nameStem: String { "flatten" }
    var outputSize: Int { inputSize }
    var outputShape: [Int] { [inputSize] }
    var isView: Bool { true }

    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int,
                 training: Bool, scratch: UnsafeMutablePointer<Scalar>) {
        if UnsafePointer(output) != input { output.update(from: input, count: batch * inputSize) }
    }

    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>,
                  outputGradient: UnsafeMutablePointer<Scalar>, inputGradient: UnsafeMutablePointer<Scalar>?,
                  batch: Int, scratch: UnsafeMutablePointer<Scalar>, temporary: UnsafeMutablePointer<Scalar>) {
        guard let inputGradient, inputGradient != outputGradient else { return }
        inputGradient.update(from: outputGradient, count: batch * inputSize)
    }
}
