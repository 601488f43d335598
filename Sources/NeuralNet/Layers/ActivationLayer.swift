/// A standalone activation layer: Keras `LeakyReLU(negative_slope)` for leaky_relu, else
/// `Activation(name)`. Softmax acts along the last axis. No parameters.
final class ActivationLayer<Scalar: NeuralScalar>: Layer {
    let inputSize: Int
    let outputShape: [Int]
    let activation: Activation
    let negativeSlope: Scalar

    init(shape: [Int], activation: Activation, negativeSlope: Float) {
        inputSize = shape.reduce(1, *)
        outputShape = shape
        self.activation = activation
        self.negativeSlope = Scalar(negativeSlope)
    }

    var typeName: String { activation == .leakyRelu ? "LeakyReLU" : "Activation" }
    var nameStem: String { activation == .leakyRelu ? "leaky_re_lu" : "activation" }
    var outputSize: Int { inputSize }
    /// The width the activation acts on row by row (softmax's axis).
    private var width: Int { outputShape.last ?? inputSize }

    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int,
                 training: Bool, scratch: UnsafeMutablePointer<Scalar>) {
        let count = batch * inputSize
        output.update(from: input, count: count)
        ActivationKernels.addBiasAndActivate(activation, slope: negativeSlope, y: output, bias: nil,
                                             batch: count / width, width: width)
    }

    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>,
                  outputGradient: UnsafeMutablePointer<Scalar>, inputGradient: UnsafeMutablePointer<Scalar>?,
                  batch: Int, scratch: UnsafeMutablePointer<Scalar>, temporary: UnsafeMutablePointer<Scalar>) {
        guard let inputGradient else { return }
        let count = batch * inputSize
        ActivationKernels.backward(activation, slope: negativeSlope, y: output, gradient: outputGradient,
                                   batch: count / width, width: width)
        inputGradient.update(from: outputGradient, count: count)
    }
}
