/// The layers of a model with their parameters in one flat block, and the passes through them.
///
/// Parameters (and their gradients) of all layers are contiguous, in `get_weights()` order, so an
/// optimizer step is one loop over one array.
final class Network<Scalar: NeuralScalar> {
    let nodes: [LayerNode<Scalar>]
    let inputSize: Int
    let parameterCount: Int
    /// (parameterCount)
    let parameters: Buffer<Scalar>
    /// (parameterCount), ∂(mean batch loss)/∂parameters after `backward`.
    let gradients: Buffer<Scalar>

    /// Allocates and initializes (glorot-uniform kernels, zero biases, from `seed`). The caller has
    /// validated the layers with `NetworkPlan` and checked the memory budget.
    init(nodes: [LayerNode<Scalar>], inputSize: Int, parameterCount: Int, seed: UInt64) {
        self.nodes = nodes
        self.inputSize = inputSize
        self.parameterCount = parameterCount
        parameters = Buffer(count: parameterCount, filledWith: 0)
        gradients = Buffer(count: parameterCount, filledWith: 0)
        var generator = SeededGenerator(seed: seed)
        var offset = 0
        for node in nodes {
            let layer = node.layer
            layer.bind(parameters: parameters.pointer + offset, gradients: gradients.pointer + offset)
            layer.initialize(using: &generator)
            offset += layer.parameterCount
        }
    }

    var outputSize: Int { nodes.last?.layer.outputSize ?? inputSize }

    /// Multiply-adds of the largest matrix product one batch of `batch` rows needs.
    func largestProduct(batch: Int) -> Int {
        nodes.map { $0.layer.largestProduct(batch: batch) }.max() ?? 0
    }

    /// Runs `workspace.batch.input` (B, inputSize) through every layer; returns the output (B, outputSize).
    @discardableResult
    func forward(batch: Int, workspace: Workspace<Scalar>) -> UnsafeMutablePointer<Scalar> {
        var input = UnsafePointer(workspace.batch.input.pointer)
        for (index, node) in nodes.enumerated() {
            let output = workspace.outputs[index].pointer
            node.forward(input: input, output: output, batch: batch)
            input = UnsafePointer(output)
        }
        return workspace.layerInput(nodes.count)
    }

    /// After `forward`: fills `gradients` with ∂(mean categorical cross-entropy)/∂parameters for the
    /// labels in `workspace.batch.labels` (B).
    func backwardCrossEntropy(batch: Int, workspace: Workspace<Scalar>) {
        guard let last = nodes.indices.last else { return }
        let probabilities = UnsafePointer(workspace.outputs[last].pointer)
        let gradient = workspace.gradients[last].pointer
        let labels = UnsafePointer(workspace.batch.labels.pointer)
        let classes = outputSize
        if let dense = nodes[last].softmaxDense {
            CrossEntropyKernels.softmaxGradient(probabilities: probabilities, labels: labels, batch: batch,
                                                classes: classes, gradient: gradient)
            dense.backwardFromPreActivation(input: workspace.layerInput(last), gradient: gradient,
                                            inputGradient: last == 0 ? nil : workspace.gradients[last - 1].pointer,
                                            batch: batch)
        } else {
            CrossEntropyKernels.probabilityGradient(probabilities: probabilities, labels: labels, batch: batch,
                                                    classes: classes, gradient: gradient)
            backward(from: last, batch: batch, workspace: workspace)
            return
        }
        if last > 0 { backward(from: last - 1, batch: batch, workspace: workspace) }
    }

    /// Backward through layers `index`, `index − 1`, …, 0, starting from `workspace.gradients[index]`.
    private func backward(from index: Int, batch: Int, workspace: Workspace<Scalar>) {
        var layer = index
        while layer >= 0 {
            nodes[layer].backward(input: workspace.layerInput(layer), output: workspace.outputs[layer].pointer,
                                  outputGradient: workspace.gradients[layer].pointer,
                                  inputGradient: layer == 0 ? nil : workspace.gradients[layer - 1].pointer,
                                  batch: batch)
            layer -= 1
        }
    }
}
