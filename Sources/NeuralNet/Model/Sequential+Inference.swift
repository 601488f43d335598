import Limits

extension Sequential {
    /// Rows per forward pass when evaluating or predicting outside `fit`.
    static let inferenceBatch = 500

    /// Mean loss and accuracy over all of `data`, and each sample's predicted class.
    public func evaluate(_ data: Examples, loss: Loss) throws -> Evaluation {
        try data.check(inputShape: inputShape, outputUnits: network.outputSize, loss: loss)
        let workspace = try inferenceWorkspace(rows: data.count)
        var predicted = [Int32](repeating: 0, count: data.count)
        let result = sharingCores(rows: workspace.capacity) {
            predicted.withUnsafeMutableBufferPointer { buffer in
                Inference.measure(network, loss, BatchReader(data), start: 0, count: data.count, workspace: workspace,
                                  predicted: buffer.baseAddress)
            }
        }
        return Evaluation(loss: result.loss, accuracy: result.accuracy, predictedLabels: predicted)
    }

    /// The model's outputs for `count` samples of `inputShape` given row-major in `inputs`:
    /// `count × outputSize` values, row-major.
    public func predict(_ inputs: [Float], count: Int) throws -> [Float] {
        let inputSize = network.inputSize, outputSize = network.outputSize
        guard count >= 0, let expected = Checked.product(count, inputSize), inputs.count == expected else {
            throw NeuralNetError.inputSizeMismatch(expected: Checked.product(max(count, 0), inputSize) ?? Int.max,
                                                   got: inputs.count)
        }
        guard count > 0 else { return [] }
        let workspace = try inferenceWorkspace(rows: count)
        var outputs = [Float](repeating: 0, count: count * outputSize)
        sharingCores(rows: workspace.capacity) {
            inputs.withUnsafeBufferPointer { source in
                outputs.withUnsafeMutableBufferPointer { target in
                    guard let from = source.baseAddress, let to = target.baseAddress else { return }
                    var start = 0
                    while start < count {
                        let rows = min(workspace.capacity, count - start)
                        workspace.batch.input.pointer.update(from: from + start * inputSize, count: rows * inputSize)
                        let output = network.forward(batch: rows, workspace: workspace)
                        (to + start * outputSize).update(from: output, count: rows * outputSize)
                        start += rows
                    }
                }
            }
        }
        return outputs
    }

    /// A forward-only workspace for up to `inferenceBatch` rows, after checking it fits in memory.
    private func inferenceWorkspace(rows: Int) throws -> Workspace<Float> {
        let capacity = min(rows, Self.inferenceBatch)
        try MemoryBudget.require("batch buffers",
                                 floats: Workspace.scalarCount(network: network, capacity: capacity, training: false))
        BLASThreads.useOne()
        return Workspace(network: network, capacity: capacity, training: false)
    }

    /// Runs `body` with a helper thread lent to the layers (see `Network.attach(worker:)`) when
    /// passes of `rows` rows give a second core work and the machine has one.
    private func sharingCores<T>(rows: Int, _ body: () -> T) -> T {
        let worker = rows > 1 ? SplitWorker.forThisMachine() : nil
        network.attach(worker: worker)
        defer {
            network.attach(worker: nil)
            worker?.stop()
        }
        return body()
    }
}
