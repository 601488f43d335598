import Limits

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
    /// scratch[l]: what layer l keeps from forward to backward (conv patches, dropout mask, batch
    /// statistics). For inference every layer shares one buffer: nothing has to survive a pass.
    let scratch: [Buffer<Scalar>]
    /// Free space any layer's backward pass may use (conv patch gradients).
    let temporary: Buffer<Scalar>

    /// Call only after `scalarCount` returned a count that fits in memory.
    init(network: Network<Scalar>, capacity: Int, training: Bool) {
        self.capacity = capacity
        batch = BatchSlot(capacity: capacity, sampleSize: network.inputSize)
        // A view layer (flatten) shares its input's buffers: output = input, ∂output = ∂input.
        var outputs: [Buffer<Scalar>] = [], gradients: [Buffer<Scalar>] = []
        for (index, node) in network.nodes.enumerated() {
            let layer = node.layer, count = capacity * layer.outputSize
            outputs.append(layer.isView ? (index == 0 ? batch.input : outputs[index - 1]) : Buffer(count: count, filledWith: 0))
            if training {
                gradients.append(layer.isView && index > 0 ? gradients[index - 1] : Buffer(count: count, filledWith: 0))
            }
        }
        self.outputs = outputs
        self.gradients = gradients
        let sizes = network.nodes.map { $0.layer.scratchCount(batch: capacity) ?? 0 }
        if training {
            scratch = sizes.map { Buffer(count: $0, filledWith: 0) }
        } else {
            let shared = Buffer<Scalar>(count: sizes.max() ?? 0, filledWith: 0)
            scratch = sizes.map { _ in shared }
        }
        let temporaries = network.nodes.map { $0.layer.temporaryCount(batch: capacity) ?? 0 }
        temporary = Buffer(count: training ? temporaries.max() ?? 0 : 0, filledWith: 0)
    }

    /// Scalars a workspace of `capacity` rows holds (nil on overflow), for the memory budget.
    static func scalarCount(network: Network<Scalar>, capacity: Int, training: Bool) -> Int? {
        let layers = network.nodes.map(\.layer)
        let widths = [network.inputSize, 1] + layers.map { $0.outputSize } + (training ? layers.map { $0.outputSize } : [])
        let scratch = layers.map { $0.scratchCount(batch: capacity) }
        let scratchTotal = training ? Checked.sum(scratch) : scratch.reduce(Optional(0)) { total, next in
            guard let total, let next else { return nil }
            return Swift.max(total, next)
        }
        let temporary = training ? layers.map { $0.temporaryCount(batch: capacity) }.reduce(Optional(0)) { total, next in
            guard let total, let next else { return nil }
            return Swift.max(total, next)
        } : 0
        return Checked.sum(Checked.product(capacity, Checked.sum(widths.map { Optional($0) })), scratchTotal, temporary)
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
    /// (2) per half of the rows loaded, a byte read from each of their cache lines, kept so the
    /// loads that pull them into cache are not optimized away.
    let touched = Buffer<UInt8>(count: 2, filledWith: 0)

    init(capacity: Int, sampleSize: Int) {
        input = Buffer(count: capacity * sampleSize, filledWith: 0)
        labels = Buffer(count: capacity, filledWith: 0)
    }
}
