extension Sequential {
    /// The model's outputs for a batch given as a tensor of shape `[N] + inputShape` (e.g.
    /// `[N, 28, 28, 1]`): a tensor of shape `[N] + outputShape`. Throws when the shape does not fit.
    public func predict(_ inputs: Tensor) throws -> Tensor {
        guard inputs.rank == inputShape.count + 1, Array(inputs.shape.dropFirst()) == inputShape else {
            throw NeuralNetError.invalidTensor("predict takes a batch of shape [N] + \(inputShape) (e.g. \([1] + inputShape)) but got \(inputs.shape)")
        }
        let count = inputs.shape[0]
        return try Tensor(shape: [count] + outputShape, scalars: try predict(inputs.scalars, count: count))
    }
}
