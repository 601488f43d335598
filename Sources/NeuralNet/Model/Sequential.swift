/// A stack of layers trained as one model, like Keras' `Sequential`.
///
/// ```swift
/// let model = try Sequential(inputShape: [28, 28, 1], layers: [
///     .conv2d(filters: 32, kernelSize: 3, activation: .relu), .maxPool2D(poolSize: 2), .flatten,
///     .dropout(rate: 0.5), .dense(units: 10, activation: .softmax)], seed: 42)
/// let history = try model.fit(train, options: FitOptions(loss: .categoricalCrossentropy, epochs: 2,
///                                                         batchSize: 128, validationSplit: 0.1), seed: 42)
/// ```
/// Kernels start from each layer's initializer (glorot-uniform by default) with zero biases, drawn
/// from `seed`; training is deterministic for a given model seed and fit seed. Not thread-safe: one
/// model, one caller at a time.
public final class Sequential {
    public let inputShape: [Int]
    public let layers: [LayerSpec]
    let network: Network<Float>
    /// The optimizer of the last `fit` (or restored by `loadModelFile`), kept so that fitting again
    /// with the same spec continues with its state, as a compiled Keras model does.
    var optimizerState: (spec: OptimizerSpec, optimizer: Optimizer)?

    /// Builds the layers, checking shapes and the memory the parameters will need before allocating.
    public init(inputShape: [Int], layers: [LayerSpec], seed: UInt64) throws {
        let plan: (nodes: [LayerNode<Float>], parameterCount: Int) =
            try NetworkPlan.affordableLayers(inputShape: inputShape, specs: layers, seed: seed)
        self.inputShape = inputShape
        self.layers = layers
        network = Network(nodes: plan.nodes, inputSize: inputShape.reduce(1, *),
                          parameterCount: plan.parameterCount, seed: seed)
    }

    /// The layer specs (same as `layers`).
    var specs: [LayerSpec] { layers }

    /// The shape of one prediction, without the batch dimension.
    public var outputShape: [Int] { network.nodes.last?.layer.outputShape ?? inputShape }

    /// All parameters, trainable or not (Keras' "Total params").
    public var parameterCount: Int { network.parameterCount + network.stateCount }

    /// The parameters training updates (Keras' "Trainable params"); the rest are batch
    /// normalization's moving statistics.
    public var trainableParameterCount: Int { network.parameterCount }

    /// One row per layer, named as Keras names them ("conv2d", "conv2d_1", "dense", …).
    public var summary: [LayerSummary] {
        var seen: [String: Int] = [:]
        return network.nodes.map { node in
            let layer = node.layer
            let index = seen[layer.nameStem, default: 0]
            seen[layer.nameStem] = index + 1
            return LayerSummary(name: index == 0 ? layer.nameStem : "\(layer.nameStem)_\(index)",
                                type: layer.typeName, outputShape: layer.outputShape,
                                parameters: layer.parameterCount + layer.stateCount,
                                trainableParameters: layer.parameterCount)
        }
    }
}
