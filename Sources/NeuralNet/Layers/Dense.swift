/// Keras `Dense`: `y = activation(x · kernel + bias)`, kernel (inputs, units) glorot-uniform, bias zero.
///
/// Parameter slice layout: kernel (I, O) row-major, then bias (O) — exactly `get_weights()`.
final class Dense<Scalar: NeuralScalar>: Layer {
    let inputSize: Int
    let units: Int
    let activation: Activation
    private var kernel: UnsafeMutablePointer<Scalar>?
    private var kernelGradient: UnsafeMutablePointer<Scalar>?

    init(inputs: Int, units: Int, activation: Activation) {
        self.inputSize = inputs
        self.units = units
        self.activation = activation
    }

    var typeName: String { "Dense" }
    var nameStem: String { "dense" }
    var outputSize: Int { units }
    var outputShape: [Int] { [units] }
    var parameterCount: Int { inputSize * units + units }
    var weightShapes: [[Int]] { [[inputSize, units], [units]] }
    func largestProduct(batch: Int) -> Int { batch * inputSize * units }

    func bind(parameters: UnsafeMutablePointer<Scalar>, gradients: UnsafeMutablePointer<Scalar>) {
        kernel = parameters
        kernelGradient = gradients
    }

    func initialize(using generator: inout SeededGenerator) {
        guard let kernel else { return }
        let limit = (6.0 / Double(inputSize + units)).squareRoot()
        for i in 0..<(inputSize * units) {
            kernel[i] = Scalar((generator.nextUnit() * 2 - 1) * limit)
        }
        (kernel + inputSize * units).initialize(repeating: 0, count: units)
    }

    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int) {
        guard let kernel else { return }
        DenseKernels.forward(x: input, w: kernel, b: kernel + inputSize * units, y: output,
                             batch: batch, inputs: inputSize, outputs: units, activation: activation)
    }

    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>,
                  outputGradient: UnsafeMutablePointer<Scalar>, inputGradient: UnsafeMutablePointer<Scalar>?,
                  batch: Int) {
        ActivationKernels.backward(activation, y: output, gradient: outputGradient, batch: batch, width: units)
        backwardFromPreActivation(input: input, gradient: outputGradient, inputGradient: inputGradient, batch: batch)
    }

    /// The backward pass when the caller already holds ∂L/∂(x·kernel + bias), (B, units): the fused
    /// softmax + cross-entropy path.
    func backwardFromPreActivation(input: UnsafePointer<Scalar>, gradient: UnsafePointer<Scalar>,
                                   inputGradient: UnsafeMutablePointer<Scalar>?, batch: Int) {
        guard let kernel, let kernelGradient else { return }
        DenseKernels.backward(x: input, w: kernel, dz: gradient, dw: kernelGradient,
                              db: kernelGradient + inputSize * units, dx: inputGradient,
                              batch: batch, inputs: inputSize, outputs: units)
    }
}
