/// The tensors a model file must hold for its architecture (and optimizer), by name and shape,
/// worked out from the layer plans alone — no weight is allocated, so a file claiming absurd
/// layers is refused before anything large is built.
struct ExpectedTensors {
    /// Every weight array, in `weights()` order: `layers.I.kernel`, … with its shape.
    var weights: [(name: String, shape: [Int])]
    /// Trainable parameters: the length of each optimizer state array.
    var trainableCount: Int

    /// Throws `Architecture.Problem` when the architecture does not build (the reason from
    /// `NeuralNetError`) or has more weights than can be counted.
    init(_ architecture: Architecture) throws {
        let plan: (nodes: [LayerNode<Float>], parameterCount: Int?)
        do {
            guard !architecture.layers.isEmpty else { throw NeuralNetError.noLayers }
            plan = try NetworkPlan.layers(inputShape: architecture.inputShape, specs: architecture.layers)
        } catch let error as NeuralNetError {
            throw Architecture.Problem("its architecture does not build (\(error.description))")
        }
        guard let trainableCount = plan.parameterCount else {
            throw Architecture.Problem("its architecture has more weights than can be counted")
        }
        var weights: [(name: String, shape: [Int])] = []
        for (index, node) in plan.nodes.enumerated() {
            let layer = node.layer
            for (name, shape) in Array(zip(layer.weightNames, layer.weightShapes)) + Array(zip(layer.stateNames, layer.stateShapes)) {
                weights.append(("layers.\(index).\(name)", shape))
            }
        }
        self.weights = weights
        self.trainableCount = trainableCount
    }

    /// The optimizer state tensors of `spec`: `optimizer.NAME`, each `[trainableCount]`.
    func optimizerTensors(_ spec: OptimizerSpec) -> [(name: String, shape: [Int])] {
        spec.slotNames.map { (ModelFileFormat.optimizerTensorName($0), [trainableCount]) }
    }

    /// Checks that `listed` (name, shape) are exactly the weights plus `optimizer`'s state tensors:
    /// nothing unknown, nothing missing, every shape right. Throws `Architecture.Problem`.
    func check(_ listed: [(name: String, shape: [Int])], optimizer: OptimizerSpec?) throws {
        let required = weights + (optimizer.map(optimizerTensors) ?? [])
        var shapes: [String: [Int]] = [:]
        for (name, shape) in required { shapes[name] = shape }
        var found: [String: [Int]] = [:]
        for (name, shape) in listed { found[name] = shape }
        if let extra = listed.map(\.name).sorted().first(where: { shapes[$0] == nil }) {
            let place = extra.hasPrefix("optimizer.") ? "the saved optimizer" : "the architecture"
            throw Architecture.Problem("it holds the tensor \(SafetensorsFile.brief(extra)), which \(place) has no place for")
        }
        for (name, shape) in required {
            guard let listedShape = found[name] else { throw Architecture.Problem("the tensor \(name) is missing") }
            guard listedShape == shape else {
                let owner = name.hasPrefix("optimizer.") ? "the optimizer (one value per trainable parameter)" : "the architecture"
                throw Architecture.Problem("the tensor \(name) has shape \(listedShape) but \(owner) needs \(shape)")
            }
        }
    }
}
