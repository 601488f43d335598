/// Every batch buffer a forward (and backward) pass needs, allocated once per `fit`/`evaluate`
/// for `capacity` rows and reused by every step.
final class Workspace<Scalar: NeuralScalar> {
    let capacity: Int
    /// The batch the passes read: its rows widened to floats, and its labels.
    let batch: BatchSlot<Scalar>
    /// outputs[l]: (capacity, outputSize of layer l).
    let outputs: [Buffer<Scalar>]
    /// gradients[l]: (capacity, outputSize of layer l), ∂L/∂outputs[l]; empty for inference.
    let gradients: [Buffer<Scalar>]

    init(network: Network<Scalar>, capacity: Int, training: Bool) {
        self.capacity = capacity
        batch = BatchSlot(capacity: capacity, sampleSize: network.inputSize)
        outputs = network.nodes.map { Buffer(count: capacity * $0.layer.outputSize, filledWith: 0) }
        gradients = training ? network.nodes.map { Buffer(count: capacity * $0.layer.outputSize, filledWith: 0) } : []
    }

    /// Scalars a workspace of `capacity` rows holds (nil on overflow), for the memory budget.
    static func scalarCount(network: Network<Scalar>, capacity: Int, training: Bool) -> Int? {
        let widths = [network.inputSize, 1] + network.nodes.map { $0.layer.outputSize } +
            (training ? network.nodes.map { $0.layer.outputSize } : [])
        return Checked.product(capacity, Checked.sum(widths.map { Optional($0) }))
    }

    /// The input of layer `index`: the batch for layer 0, else the previous layer's output
    /// (`layerInput(layerCount)` is the network's output).
    func layerInput(_ index: Int) -> UnsafeMutablePointer<Scalar> {
        index == 0 ? batch.input.pointer : outputs[index - 1].pointer
    }
}

/// One batch's buffers: input (capacity, sampleSize) and labels (capacity).
final class BatchSlot<Scalar: NeuralScalar> {
    let input: Buffer<Scalar>
    let labels: Buffer<Int32>
    /// A byte read from every cache line of the rows loaded, kept so the loads that pull them into
    /// cache are not optimized away.
    var touched: UInt8 = 0

    init(capacity: Int, sampleSize: Int) {
        input = Buffer(count: capacity * sampleSize, filledWith: 0)
        labels = Buffer(count: capacity, filledWith: 0)
    }
}
