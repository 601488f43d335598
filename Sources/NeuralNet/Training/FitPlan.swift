/// A `fit` call's options checked against its data and model, and the split it implies.
struct FitPlan {
    let trainingRows: Int
    let validationRows: Int
    /// Batches per epoch, the last one possibly partial.
    let steps: Int
    /// Rows the batch buffers must hold.
    let bufferRows: Int
    let optimizer: OptimizerSpec

    init(data: Examples, options: FitOptions, model: Sequential) throws {
        guard options.epochs >= 0 else { throw NeuralNetError.invalidEpochs(options.epochs) }
        guard options.batchSize > 0 else { throw NeuralNetError.invalidBatchSize(options.batchSize) }
        let split = options.validationSplit
        guard split.isFinite, split >= 0, split < 1 else { throw NeuralNetError.invalidValidationSplit(split) }
        try options.optimizer.validate()
        try data.check(inputShape: model.inputShape, outputUnits: model.network.outputSize, loss: options.loss)

        let training = options.trainingRows(of: data.count)
        guard training > 0, split == 0 || training < data.count else {
            throw NeuralNetError.validationSplitLeavesNoRows(split: split, count: data.count, trainingRows: training)
        }
        trainingRows = training
        validationRows = data.count - training
        steps = training / options.batchSize + (training % options.batchSize == 0 ? 0 : 1)
        bufferRows = min(options.batchSize, data.count)
        optimizer = options.optimizer
    }
}
