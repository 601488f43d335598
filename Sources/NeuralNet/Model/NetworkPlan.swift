/// Turns layer specs into layers, checking every shape and size before anything is allocated.
enum NetworkPlan {
    /// The layers for `specs` on samples of `inputShape`, and their parameter count
    /// (nil when it does not even fit in an Int).
    static func layers<Scalar: NeuralScalar>(inputShape: [Int], specs: [LayerSpec])
        throws -> (nodes: [LayerNode<Scalar>], parameterCount: Int?) {
        guard !inputShape.isEmpty, inputShape.allSatisfy({ $0 > 0 }),
              let inputSize = Checked.product(inputShape.map { Optional($0) }),
              inputSize <= Int(Int32.max)
        else { throw NeuralNetError.invalidInputShape(inputShape) }

        var nodes: [LayerNode<Scalar>] = []
        var shape = inputShape
        var parameterCount: Int? = 0
        for (index, spec) in specs.enumerated() {
            switch spec {
            case .dense(let units, let activation):
                guard units > 0, units <= Int(Int32.max) else {
                    throw NeuralNetError.invalidUnits(layer: index + 1, units: units)
                }
                guard shape.count == 1 else {
                    throw NeuralNetError.denseNeedsFlatInput(layer: index + 1, inputShape: shape)
                }
                let inputs = shape[0]
                let parameters = Checked.sum(Checked.product(inputs, units), units)
                parameterCount = Checked.sum(parameterCount, parameters)
                nodes.append(.dense(Dense(inputs: inputs, units: units, activation: activation)))
                shape = [units]
            }
        }
        return (nodes, parameterCount)
    }
}
