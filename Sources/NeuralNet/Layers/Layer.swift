/// A layer of a `Sequential` model: its forward pass and backward pass side by side.
///
/// Batch buffers belong to the caller (`Workspace`), parameters to the model's flat parameter block
/// and non-trainable state (batch normalization's moving statistics) to its flat state block: a layer
/// only knows its shapes and where its slices live, so one training step allocates nothing. All
/// buffers are row-major with the batch dimension first; images are channels-last (B, H, W, C).
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
    /// Non-trainable scalars (batch normalization's moving mean and variance), after the trainable
    /// ones in `get_weights()` order.
    var stateCount: Int { get }
    /// Names and shapes of the trainable arrays (e.g. kernel then bias), as Keras stores them.
    var weightShapes: [[Int]] { get }
    var weightNames: [String] { get }
    /// Names and shapes of the non-trainable arrays.
    var stateShapes: [[Int]] { get }
    var stateNames: [String] { get }
    /// True when the output is the input read differently (flatten): the workspace then gives the
    /// layer its input's buffers as output and gradient, and both passes have nothing to do.
    var isView: Bool { get }
    /// Scalars the layer keeps from a training forward pass for its backward pass (nil: overflow).
    func scratchCount(batch: Int) -> Int?
    /// Scalars of temporary space its backward pass needs (shared by all layers; nil: overflow).
    func temporaryCount(batch: Int) -> Int?

    /// Gives the layer its slices of the model's parameter, gradient and state storage.
    func bind(parameters: UnsafeMutablePointer<Scalar>, gradients: UnsafeMutablePointer<Scalar>,
              state: UnsafeMutablePointer<Scalar>)
    /// Writes the initial parameter and state values (Keras' defaults).
    func initialize(using generator: inout SeededGenerator)

    /// input (B, inputSize) → output (B, outputSize). `training` selects dropout's mask and batch
    /// statistics; `scratch` holds `scratchCount(batch:)` scalars, kept for `backward`.
    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int,
                 training: Bool, scratch: UnsafeMutablePointer<Scalar>)

    /// Accumulates nothing: overwrites this layer's parameter gradients from `outputGradient`
    /// (B, outputSize; may be clobbered) and, unless `inputGradient` is nil, writes ∂L/∂input
    /// (B, inputSize). `input`, `output` and `scratch` are those of the matching training forward
    /// call; `temporary` holds `temporaryCount(batch:)` scalars of free space.
    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>,
                  outputGradient: UnsafeMutablePointer<Scalar>, inputGradient: UnsafeMutablePointer<Scalar>?,
                  batch: Int, scratch: UnsafeMutablePointer<Scalar>, temporary: UnsafeMutablePointer<Scalar>)
}

extension Layer {
    var parameterCount: Int { weightShapes.reduce(0) { $0 + $1.reduce(1, *) } }
    var stateCount: Int { stateShapes.reduce(0) { $0 + $1.reduce(1, *) } }
    var weightShapes: [[Int]] { [] }
    var weightNames: [String] { [] }
    var stateShapes: [[Int]] { [] }
    var stateNames: [String] { [] }
    var isView: Bool { false }
    func scratchCount(batch: Int) -> Int? { 0 }
    func temporaryCount(batch: Int) -> Int? { 0 }
    func bind(parameters: UnsafeMutablePointer<Scalar>, gradients: UnsafeMutablePointer<Scalar>,
              state: UnsafeMutablePointer<Scalar>) {}
    func initialize(using generator: inout SeededGenerator) {}
}
