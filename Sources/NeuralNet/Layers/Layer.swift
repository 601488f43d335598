/// A layer of a `Sequential` model: its forward pass and backward pass side by side.
///
/// Batch buffers belong to the caller (`Workspace`), parameters to the model's flat `ParameterStore`:
/// a layer only knows its shapes and where its slice of the parameters lives, so one training step
/// allocates nothing. All buffers are row-major with the batch dimension first.
protocol Layer<Scalar>: AnyObject {
    associatedtype Scalar: NeuralScalar
    /// Keras class name, e.g. "Dense".
    var typeName: String { get }
    /// Keras layer-name stem, e.g. "dense" (numbered "dense_1", … by the model).
    var nameStem: String { get }
    /// Scalars per sample going in and coming out.
    var inputSize: Int { get }
    var outputSize: Int { get }
    var outputShape: [Int] { get }
    /// Trainable scalars, in Keras' `get_weights()` order and layout.
    var parameterCount: Int { get }
    /// Sizes of the arrays `get_weights()` returns for this layer (kernel, then bias).
    var weightShapes: [[Int]] { get }
    /// Multiply-adds of the layer's largest matrix product for a batch of `batch` rows.
    func largestProduct(batch: Int) -> Int

    /// Gives the layer its slices of the model's parameter and gradient storage.
    func bind(parameters: UnsafeMutablePointer<Scalar>, gradients: UnsafeMutablePointer<Scalar>)
    /// Writes the initial parameter values (Keras' defaults).
    func initialize(using generator: inout SeededGenerator)

    /// input (B, inputSize) → output (B, outputSize).
    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int)

    /// Accumulates nothing: overwrites this layer's parameter gradients from `outputGradient`
    /// (B, outputSize; may be clobbered) and, unless `inputGradient` is nil, writes ∂L/∂input
    /// (B, inputSize). `input` and `output` are the buffers of the matching forward call.
    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>,
                  outputGradient: UnsafeMutablePointer<Scalar>, inputGradient: UnsafeMutablePointer<Scalar>?,
                  batch: Int)
}
