/// Keras `BatchNormalization()` over the last axis (channels for images, features for flat rows):
/// momentum 0.99, epsilon 1e-3, center and scale.
///
/// Parameters: gamma (C, starts at 1) and beta (C, starts at 0), trainable; state: moving_mean
/// (C, starts at 0) and moving_variance (C, starts at 1), non-trainable — `get_weights()` order.
/// `scratch` keeps the batch mean and 1/√(σ² + ε) (2·C) from the training forward pass.
final class BatchNormalization<Scalar: NeuralScalar>: Layer {
    let inputSize: Int
    let outputShape: [Int]
    let channels: Int
    let momentum: Scalar = 0.99
    let epsilon: Scalar = 1e-3
    private var gamma: UnsafeMutablePointer<Scalar>?
    private var gradient: UnsafeMutablePointer<Scalar>?
    private var moving: UnsafeMutablePointer<Scalar>?

    init(shape: [Int]) {
        inputSize = shape.reduce(1, *)
        outputShape = shape
        channels = shape.last ?? 1
    }

    var typeName: String { "BatchNormalization" }
    var nameStem: String { "batch_normalization" }
    var outputSize: Int { inputSize }
    var weightShapes: [[Int]] { [[channels], [channels]] }
    var weightNames: [String] { ["gamma", "beta"] }
    var stateShapes: [[Int]] { [[channels], [channels]] }
    var stateNames: [String] { ["moving_mean", "moving_variance"] }
    func scratchCount(batch: Int) -> Int? { 2 * channels }
    private func rows(_ batch: Int) -> Int { batch * (inputSize / channels) }

    func bind(parameters: UnsafeMutablePointer<Scalar>, gradients: UnsafeMutablePointer<Scalar>,
              state: UnsafeMutablePointer<Scalar>) {
        gamma = parameters
        gradient = gradients
        moving = state
    }

    func initialize(using generator: inout SeededGenerator) {
        gamma?.update(repeating: 1, count: channels)
        gamma.map { ($0 + channels).update(repeating: 0, count: channels) }
        moving?.update(repeating: 0, count: channels)
        moving.map { ($0 + channels).update(repeating: 1, count: channels) }
    }

    /// x (M, C) → y (M, C); training also moves the moving statistics.
    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int,
                 training: Bool, scratch: UnsafeMutablePointer<Scalar>) {
        guard let gamma, let moving else { return }
        if training {
            BatchNormKernels.trainingForward(x: input, y: output, rows: rows(batch), channels: channels,
                                             gamma: gamma, beta: gamma + channels,
                                             movingMean: moving, movingVariance: moving + channels,
                                             mean: scratch, inverseDeviation: scratch + channels,
                                             momentum: momentum, epsilon: epsilon)
        } else {
            BatchNormKernels.inferenceForward(x: input, y: output, rows: rows(batch), channels: channels,
                                              gamma: gamma, beta: gamma + channels,
                                              movingMean: moving, movingVariance: moving + channels,
                                              scratch: scratch + channels, epsilon: epsilon)
        }
    }

    /// dy (M, C) → dgamma, dbeta (C each), dx (M, C), through the batch statistics.
    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>,
                  outputGradient: UnsafeMutablePointer<Scalar>, inputGradient: UnsafeMutablePointer<Scalar>?,
                  batch: Int, scratch: UnsafeMutablePointer<Scalar>, temporary: UnsafeMutablePointer<Scalar>) {
        guard let gamma, let gradient else { return }
        BatchNormKernels.backward(x: input, dy: outputGradient, dx: inputGradient, rows: rows(batch), channels: channels,
                                  gamma: gamma, mean: scratch, inverseDeviation: scratch + channels,
                                  gammaGradient: gradient, betaGradient: gradient + channels)
    }
}
