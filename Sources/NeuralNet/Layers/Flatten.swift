/// Keras `Flatten`: (B, H, W, C) → (B, H·W·C). Channels-last rows are already laid out flat, so
/// both passes are copies.
final class Flatten<Scalar: NeuralScalar>: Layer {
    let inputSize: Int

    init(inputSize: Int) {
        self.inputSize = inputSize
    }

    var typeName: String { "Flatten" }
    var nameStem: String { "flatten" }
    var outputSize: Int { inputSize }
    var outputShape: [Int] { [inputSize] }

    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int,
                 training: Bool, scratch: UnsafeMutablePointer<Scalar>) {
        output.update(from: input, count: batch * inputSize)
    }

    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>,
                  outputGradient: UnsafeMutablePointer<Scalar>, inputGradient: UnsafeMutablePointer<Scalar>?,
                  batch: Int, scratch: UnsafeMutablePointer<Scalar>, temporary: UnsafeMutablePointer<Scalar>) {
        inputGradient?.update(from: outputGradient, count: batch * inputSize)
    }
}
