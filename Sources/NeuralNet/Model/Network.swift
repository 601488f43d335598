/// The layers of a model with their parameters in one flat block, and the passes through them.
///
/// Trainable parameters (and their gradients) of all layers are contiguous, in `get_weights()`
/// order, so an optimizer step is one loop over one array. Non-trainable state (batch
/// normalization's moving statistics) lives in a separate flat block that optimizers never see.
final class Network<Scalar: NeuralScalar> {
    let nodes: [LayerNode<Scalar>]
    let inputSize: Int
    /// Trainable scalars.
    let parameterCount: Int
    /// Non-trainable scalars.
    let stateCount: Int
    /// (parameterCount)
    let parameters: Buffer<Scalar>
    /// (parameterCount), ∂(mean batch loss)/∂parameters after `backward`.
    let gradients: Buffer<Scalar>
    /// (stateCount)
    let state: Buffer<Scalar>

    /// Allocates and initializes (each layer's initializer, zero biases, from `seed`). The caller has
    /// validated the layers with `NetworkPlan` and checked the memory budget.
    init(nodes: [LayerNode<Scalar>], inputSize: Int, parameterCount: Int, seed: UInt64) {
        self.nodes = nodes
        self.inputSize = inputSize
        self.parameterCount = parameterCount
        stateCount = nodes.reduce(0) { $0 + $1.layer.stateCount }
        parameters = Buffer(count: parameterCount, filledWith: 0)
        gradients = Buffer(count: parameterCount, filledWith: 0)
        state = Buffer(count: stateCount, filledWith: 0)
        var generator = SeededGenerator(seed: seed)
        var offset = 0, stateOffset = 0
        for node in nodes {
            let layer = node.layer
            layer.bind(parameters: parameters.pointer + offset, gradients: gradients.pointer + offset,
                       state: state.pointer + stateOffset)
            layer.initialize(using: &generator)
            offset += layer.parameterCount
            stateOffset += layer.stateCount
        }
        Self.fuseReluIntoPooling(nodes)
    }

    /// A relu convolution followed by max pooling: the pooling's backward pass zeroes the gradients
    /// whose pooled value is not positive — exactly those the relu's backward pass would zero, since
    /// each gradient goes to its window's maximum — so the convolution skips its own pass over the
    /// four-times-larger activation gradient (and, in `forward`, the bias and relu act on the pooled
    /// values). The gradients are the same, except that when adding the bias rounds two values of a
    /// window to a tie, the gradient may go to the other one of the two.
    private static func fuseReluIntoPooling(_ nodes: [LayerNode<Scalar>]) {
        for (node, next) in zip(nodes, nodes.dropFirst()) {
            guard case .conv2d(let conv) = node, conv.activation == .relu, case .maxPool2D(let pool) = next else { continue }
            conv.nextAppliesActivationGradient = true
            pool.appliesReluGradient = true
        }
    }

    var outputSize: Int { nodes.last?.layer.outputSize ?? inputSize }

    /// Every weight array in Keras' `get_weights()` order — per layer the trainable arrays, then the
    /// non-trainable ones — with its layer index, name ("kernel", "bias", "gamma", "beta",
    /// "moving_mean", "moving_variance"), shape and storage.
    var weightSlots: [WeightSlot<Scalar>] {
        var slots: [WeightSlot<Scalar>] = []
        var offset = 0, stateOffset = 0
        for (index, node) in nodes.enumerated() {
            let layer = node.layer
            for (name, shape) in zip(layer.weightNames, layer.weightShapes) {
                slots.append(WeightSlot(layer: index, name: name, shape: shape, trainable: true,
                                        pointer: parameters.pointer + offset))
                offset += shape.reduce(1, *)
            }
            for (name, shape) in zip(layer.stateNames, layer.stateShapes) {
                slots.append(WeightSlot(layer: index, name: name, shape: shape, trainable: false,
                                        pointer: state.pointer + stateOffset))
                stateOffset += shape.reduce(1, *)
            }
        }
        return slots
    }

    /// The helper thread lent to the layers, if any (also shares loading each batch).
    private(set) var worker: SplitWorker?

    /// Lends `worker` (nil: none) to the layers that split their work over two cores, each half's
    /// products on one BLAS thread.
    func attach(worker: SplitWorker?) {
        self.worker = worker
        for node in nodes {
            switch node {
            case .conv2d(let layer): layer.worker = worker
            case .maxPool2D(let layer): layer.worker = worker
            case .dense(let layer): layer.worker = worker
            default: break
            }
        }
    }

    /// Runs `workspace.batch.input` (B, inputSize) through every layer; returns the output (B, outputSize).
    /// `training` turns on dropout and batch statistics (and moves the moving statistics).
    @discardableResult
    func forward(batch: Int, workspace: Workspace<Scalar>, training: Bool = false) -> UnsafeMutablePointer<Scalar> {
        var input = UnsafePointer(workspace.batch.input.pointer)
        var index = 0
        while index < nodes.count {
            let output = workspace.outputs[index].pointer
            if case .conv2d(let conv) = nodes[index], index + 1 < nodes.count, case .maxPool2D(let pool) = nodes[index + 1] {
                // The pooling runs inside the convolution's chunks, on outputs still in cache.
                let pooled = workspace.outputs[index + 1].pointer
                conv.forward(input: input, output: output, batch: batch, training: training,
                             scratch: workspace.scratch[index].pointer,
                             pooling: ChunkPooling(geometry: pool.geometry, output: pooled,
                                                   argmax: workspace.scratch[index + 1].pointer))
                input = UnsafePointer(pooled)
                index += 2
                continue
            }
            nodes[index].forward(input: input, output: output, batch: batch, training: training,
                                 scratch: workspace.scratch[index].pointer)
            input = UnsafePointer(output)
            index += 1
        }
        return workspace.layerInput(nodes.count)
    }

    /// True when the last layer ends in softmax, so a loss may hand `backward` the gradient with
    /// respect to the softmax's input instead of its output.
    var endsInSoftmax: Bool { nodes.last?.endsInSoftmax ?? false }

    /// Where a loss writes its gradient (B, outputSize) before `backward`.
    func outputGradient(_ workspace: Workspace<Scalar>) -> UnsafeMutablePointer<Scalar> {
        workspace.gradients[nodes.count - 1].pointer
    }

    /// After a training `forward`: fills `gradients` from the loss gradient in
    /// `outputGradient(workspace)` — ∂(mean loss)/∂output, or, when `preSoftmax` (only if
    /// `endsInSoftmax`), ∂(mean loss)/∂(the final softmax's input).
    func backward(batch: Int, workspace: Workspace<Scalar>, preSoftmax: Bool) {
        guard let last = nodes.indices.last else { return }
        guard preSoftmax, endsInSoftmax else { return backward(from: last, batch: batch, workspace: workspace) }
        nodes[last].backwardFromPreActivation(input: workspace.layerInput(last), gradient: workspace.gradients[last].pointer,
                                              inputGradient: last == 0 ? nil : workspace.gradients[last - 1].pointer,
                                              batch: batch, temporary: workspace.temporary.pointer)
        if last > 0 { backward(from: last - 1, batch: batch, workspace: workspace) }
    }

    /// After a training `forward`: fills `gradients` with ∂(mean categorical cross-entropy)/∂parameters
    /// for the labels in `workspace.batch.labels` (B).
    func backwardCrossEntropy(batch: Int, workspace: Workspace<Scalar>) {
        guard !nodes.isEmpty else { return }
        let probabilities = UnsafePointer(workspace.layerInput(nodes.count))
        let labels = UnsafePointer(workspace.batch.labels.pointer)
        let gradient = outputGradient(workspace)
        if endsInSoftmax {
            CrossEntropyKernels.softmaxGradient(probabilities: probabilities, labels: labels, batch: batch,
                                                classes: outputSize, gradient: gradient)
        } else {
            CrossEntropyKernels.probabilityGradient(probabilities: probabilities, labels: labels, batch: batch,
                                                    classes: outputSize, gradient: gradient)
        }
        backward(batch: batch, workspace: workspace, preSoftmax: endsInSoftmax)
    }

    /// Backward through layers `index`, `index − 1`, …, 0, starting from `workspace.gradients[index]`.
    private func backward(from index: Int, batch: Int, workspace: Workspace<Scalar>) {
        var layer = index
        while layer >= 0 {
            if layer > 0, case .maxPool2D(let pool) = nodes[layer], case .conv2d(let conv) = nodes[layer - 1] {
                // The pooling's backward pass runs inside the convolution's chunks, so each chunk's
                // convolution gradient is read back while still in cache.
                let below = layer - 1
                conv.backward(input: workspace.layerInput(below), output: workspace.outputs[below].pointer,
                              outputGradient: workspace.gradients[below].pointer,
                              inputGradient: below == 0 ? nil : workspace.gradients[below - 1].pointer,
                              batch: batch, scratch: workspace.scratch[below].pointer,
                              temporary: workspace.temporary.pointer,
                              pooling: ChunkPoolingGradient(geometry: pool.geometry,
                                                            argmax: workspace.scratch[layer].pointer,
                                                            outputGradient: workspace.gradients[layer].pointer,
                                                            reluOutput: pool.appliesReluGradient
                                                                ? UnsafePointer(workspace.outputs[layer].pointer) : nil))
                layer -= 2
                continue
            }
            nodes[layer].backward(input: workspace.layerInput(layer), output: workspace.outputs[layer].pointer,
                                  outputGradient: workspace.gradients[layer].pointer,
                                  inputGradient: layer == 0 ? nil : workspace.gradients[layer - 1].pointer,
                                  batch: batch, scratch: workspace.scratch[layer].pointer,
                                  temporary: workspace.temporary.pointer)
            layer -= 1
        }
    }
}

/// One weight array of a network: where it lives and what Keras calls it.
struct WeightSlot<Scalar> {
    /// Index of the layer in the model's layer list (0-based).
    let layer: Int
    /// "kernel", "bias", "gamma", "beta", "moving_mean" or "moving_variance".
    let name: String
    /// As Keras stores it: dense kernel (in, out), conv kernel (kh, kw, in, out), vectors (n).
    let shape: [Int]
    let trainable: Bool
    let pointer: UnsafeMutablePointer<Scalar>

    var count: Int { shape.reduce(1, *) }
}
