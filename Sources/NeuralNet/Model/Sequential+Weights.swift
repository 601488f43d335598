extension Sequential {
    /// The weights as Keras' `get_weights()` returns them: per layer its trainable arrays (kernel then
    /// bias; batch normalization's gamma then beta) followed by its non-trainable ones (moving mean
    /// then moving variance), each flattened row-major in Keras' layout (dense kernel (in, out),
    /// conv kernel (kh, kw, in, out)).
    public func weights() -> [[Float]] {
        network.weightSlots.map { Array(UnsafeBufferPointer(start: $0.pointer, count: $0.count)) }
    }

    /// The weights of `weights()` with their shapes.
    public func weightTensors() -> [Tensor] {
        network.weightSlots.compactMap { slot in
            try? Tensor(shape: slot.shape, scalars: Array(UnsafeBufferPointer(start: slot.pointer, count: slot.count)))
        }
    }

    /// Each weight array with its file name (`layers.I.kernel`, …), in `weights()` order.
    var namedWeightTensors: [(name: String, tensor: Tensor)] {
        zip(network.weightSlots, weightTensors()).map { slot, tensor in (Self.weightName(slot), tensor) }
    }

    /// The name a weight array has in a saved model: `layers.I.NAME`, I the index in the layer list.
    static func weightName(_ slot: WeightSlot<Float>) -> String { "layers.\(slot.layer).\(slot.name)" }

    /// Replaces the weights, given in `weights()` order and layout. Checks every size first and
    /// changes nothing when one is wrong.
    public func setWeights(_ arrays: [[Float]]) throws {
        let slots = network.weightSlots
        guard arrays.count == slots.count else {
            throw NeuralNetError.invalidWeights("the model has \(slots.count) weight arrays but \(arrays.count) were given")
        }
        for (index, (array, slot)) in zip(arrays, slots).enumerated() where array.count != slot.count {
            throw NeuralNetError.invalidWeights("array \(index) (layer \(slot.layer + 1)'s \(slot.name)) has \(array.count) values but shape \(slot.shape) needs \(slot.count)")
        }
        for (array, slot) in zip(arrays, slots) {
            array.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                slot.pointer.update(from: base, count: slot.count)
            }
        }
    }

    /// Replaces the weights from tensors in `weights()` order, whose shapes must match exactly.
    public func setWeightTensors(_ tensors: [Tensor]) throws {
        let slots = network.weightSlots
        for (index, (tensor, slot)) in zip(tensors, slots).enumerated() where tensor.shape != slot.shape {
            throw NeuralNetError.invalidWeights("tensor \(index) (layer \(slot.layer + 1)'s \(slot.name)) has shape \(tensor.shape) but the model needs \(slot.shape)")
        }
        try setWeights(tensors.map(\.scalars))
    }
}
