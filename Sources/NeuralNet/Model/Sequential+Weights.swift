extension Sequential {
    /// The parameters as Keras' `get_weights()` returns them: per layer the kernel (inputs × units,
    /// row-major) then the bias.
    public func weights() -> [[Float]] {
        var arrays: [[Float]] = []
        var offset = 0
        for shape in network.nodes.flatMap({ $0.layer.weightShapes }) {
            let size = shape.reduce(1, *)
            arrays.append(Array(UnsafeBufferPointer(start: network.parameters.pointer + offset, count: size)))
            offset += size
        }
        return arrays
    }

    /// Replaces the parameters, given in `weights()` order and layout.
    public func setWeights(_ arrays: [[Float]]) throws {
        let shapes = network.nodes.flatMap { $0.layer.weightShapes }
        guard arrays.count == shapes.count else {
            throw NeuralNetError.invalidWeights("the model has \(shapes.count) weight arrays but \(arrays.count) were given")
        }
        for (index, (array, shape)) in zip(arrays, shapes).enumerated() where array.count != shape.reduce(1, *) {
            throw NeuralNetError.invalidWeights("array \(index) has \(array.count) values but shape \(shape) needs \(shape.reduce(1, *))")
        }
        var offset = 0
        for array in arrays {
            array.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                (network.parameters.pointer + offset).update(from: base, count: array.count)
            }
            offset += array.count
        }
    }
}
