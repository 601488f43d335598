/// A model's shapes and sizes, worked out from its layer specs exactly as `Sequential.init` checks
/// them, without allocating a single weight: what `folio check` knows about a model before anything runs.
///
/// ```swift
/// let plan = try ModelPlan(inputShape: [28, 28, 1], layers: [.conv2d(filters: 32, kernelSize: 3), .flatten,
///                                                            .dense(units: 10, activation: .softmax)])
/// plan.outputShape      // [10]
/// plan.parameterCount   // 216,650
/// ```
/// Throws the `NeuralNetError` that building the model would throw; errors about one layer carry its
/// 1-based number (`NeuralNetError.layerNumber`).
public struct ModelPlan: Sendable, Equatable {
    public let inputShape: [Int]
    /// Each layer's output shape (one sample, no batch dimension), in order.
    public let layerOutputShapes: [[Int]]
    /// Trainable parameters.
    public let parameterCount: Int
    /// Non-trainable values (batch normalization's moving statistics).
    public let stateCount: Int

    public init(inputShape: [Int], layers: [LayerSpec]) throws {
        let plan: (nodes: [LayerNode<Float>], parameterCount: Int) =
            try NetworkPlan.affordableLayers(inputShape: inputShape, specs: layers)
        self.inputShape = inputShape
        layerOutputShapes = plan.nodes.map(\.layer.outputShape)
        parameterCount = plan.parameterCount
        stateCount = plan.nodes.reduce(0) { $0 + $1.layer.stateCount }
    }

    /// The shape of one prediction.
    public var outputShape: [Int] { layerOutputShapes.last ?? inputShape }
}

extension NeuralNetError {
    /// The 1-based number of the layer an error is about, when it is about one layer.
    public var layerNumber: Int? {
        switch self {
        case .invalidUnits(let layer, _), .denseNeedsFlatInput(let layer, _), .invalidLayer(let layer, _): return layer
        default: return nil
        }
    }
}
