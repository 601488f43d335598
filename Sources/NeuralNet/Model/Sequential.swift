/// A stack of layers trained as one model, like Keras' `Sequential`.
///
/// ```swift
/// let model = try Sequential(inputShape: [784], layers: [
///     .dense(units: 10, activation: .relu), .dense(units: 10, activation: .softmax)], seed: 42)
/// let history = try model.fit(train, options: FitOptions(loss: .categoricalCrossentropy, epochs: 10,
///                                                         batchSize: 200, validationSplit: 0.1), seed: 42)
/// ```
/// Weights are glorot-uniform with zero biases, drawn from `seed`; training is deterministic for a
/// given model seed and fit seed. Not thread-safe: one model, one caller at a time.
public final class Sequential {
    public let inputShape: [Int]
    let specs: [LayerSpec]
    let network: Network<Float>
    /// The optimizer of the last `fit`, kept so that fitting again with the same spec continues
    /// with its state, as a compiled Keras model does.
    var optimizerState: (spec: OptimizerSpec, optimizer: Optimizer)?

    /// Builds the layers, checking shapes and the memory the parameters will need before allocating.
    public init(inputShape: [Int], layers: [LayerSpec], seed: UInt64) throws {
        guard !layers.isEmpty else { throw NeuralNetError.noLayers }
        let plan: (nodes: [LayerNode<Float>], parameterCount: Int?) =
            try NetworkPlan.layers(inputShape: inputShape, specs: layers)
        // Weights, gradients and (Adam's) two optimizer slots per parameter.
        try MemoryBudget.require("model's weights, gradients and optimizer state",
                                 floats: Checked.product(plan.parameterCount, 4))
        self.inputShape = inputShape
        self.specs = layers
        network = Network(nodes: plan.nodes, inputSize: inputShape.reduce(1, *),
                          parameterCount: plan.parameterCount ?? 0, seed: seed)
    }

    /// The shape of one prediction, without the batch dimension.
    public var outputShape: [Int] { network.nodes.last?.layer.outputShape ?? inputShape }

    /// Total trainable parameters.
    public var parameterCount: Int { network.parameterCount }

    /// One row per layer, named as Keras names them ("dense", "dense_1", …).
    public var summary: [LayerSummary] {
        var seen: [String: Int] = [:]
        return network.nodes.map { node in
            let layer = node.layer
            let index = seen[layer.nameStem, default: 0]
            seen[layer.nameStem] = index + 1
            return LayerSummary(name: index == 0 ? layer.nameStem : "\(layer.nameStem)_\(index)",
                                type: layer.typeName, outputShape: layer.outputShape,
                                parameters: layer.parameterCount)
        }
    }
}
