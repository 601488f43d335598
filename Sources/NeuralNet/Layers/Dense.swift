/// Keras `Dense`: `y = activation(x · kernel + bias)`, kernel (inputs, units) from `initializer`, bias zero.
///
/// Parameter slice layout: kernel (I, O) row-major, then bias (O) — exactly `get_weights()`.
final class Dense<Scalar: NeuralScalar>: Layer {
    let inputSize: Int
    let units: Int
    let activation: Activation
    let initializer: Initializer
    private var kernel: UnsafeMutablePointer<Scalar>?
    private var kernelGradient: UnsafeMutablePointer<Scalar>?

    init(inputs: Int, units: Int, activation: Activation, initializer: Initializer = .glorotUniform) {
        self.inputSize = inputs
        self.units = units
        self.activation = activation
        self.initializer = initializer
    }

    var typeName: String { "Dense" }
    var nameStem: String { "dense" }
    var outputSize: Int { units }
    var outputShape: [Int] { [units] }
    var weightShapes: [[Int]] { [[inputSize, units], [units]] }
    var weightNames: [String] { ["kernel", "bias"] }
    func largestProduct(batch: Int) -> Int { batch * inputSize * units }
    private var slope: Scalar { Scalar(Activation.defaultLeakySlope) }

    func bind(parameters: UnsafeMutablePointer<Scalar>, gradients: UnsafeMutablePointer<Scalar>,
              state: UnsafeMutablePointer<Scalar>) {
        kernel = parameters
        kernelGradient = gradients
    }

    func initialize(using generator: inout SeededGenerator) {
        guard let kernel else { return }
        initializer.fill(kernel, count: inputSize * units, fanIn: inputSize, fanOut: units, using: &generator)
        (kernel + inputSize * units).update(repeating: 0, count: units)
    }

    /// x (B, I) → y (B, O).
    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int,
                 training: Bool, scratch: UnsafeMutablePointer<Scalar>) {
        guard let kernel else { return }
        DenseKernels.forward(x: input, w: kernel, b: kernel + inputSize * units, y: output,
                             batch: batch, inputs: inputSize, outputs: units, activation: activation, slope: slope)
    }

    /// dy (B, O) → dkernel (I, O), dbias (O), dx (B, I).
    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>,
                  outputGradient: UnsafeMutablePointer<Scalar>, inputGradient: UnsafeMutablePointer<Scalar>?,
                  batch: Int, scratch: UnsafeMutablePointer<Scalar>, temporary: UnsafeMutablePointer<Scalar>) {
        ActivationKernels.backward(activation, slope: slope, y: output, gradient: outputGradient, batch: batch, width: units)
        backwardFromPreActivation(input: input, gradient: outputGradient, inputGradient: inputGradient, batch: batch,
                                  temporary: temporary)
    }

    /// The backward pass when the caller already holds ∂L/∂(x·kernel + bias), (B, units): the fused
    /// softmax + cross-entropy path.
    func backwardFromPreActivation(input: UnsafePointer<Scalar>, gradient: UnsafePointer<Scalar>,
                                   inputGradient: UnsafeMutablePointer<Scalar>?, batch: Int,
                                   temporary: UnsafeMutablePointer<Scalar>) {
        guard let kernel, let kernelGradient else { return }
        DenseKernels.backward(x: input, w: kernel, dz: gradient, dw: kernelGradient,
                              db: kernelGradient + inputSize * units, dx: inputGradient,
                              batch: batch, inputs: inputSize, outputs: units)
    }
}
