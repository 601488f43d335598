import Limits

/// Forward-only passes shared by validation and `evaluate`.
enum Inference {
    /// Mean `loss` and accuracy of rows `start..<start+count`, forward only,
    /// in chunks of the workspace's capacity. `predicted` (count), when given, gets each
    /// predicted class. Throws `Cancelled` at the end of the first chunk after `cancellation` was asked for.
    static func measure(_ network: Network<Float>, _ loss: Loss, _ reader: BatchReader, start: Int, count: Int,
                        workspace: Workspace<Float>, predicted: UnsafeMutablePointer<Int32>?,
                        cancellation: Cancellation?) throws -> (loss: Double, accuracy: Double) {
        var lossSum = 0.0
        var hits = 0
        var done = 0
        while done < count {
            let rows = min(workspace.capacity, count - done)
            reader.load(start: start + done, count: rows, order: nil, into: workspace.batch,
                        worker: network.worker)
            let probabilities = network.forward(batch: rows, workspace: workspace)
            let batch = LossKernels.measure(loss, outputs: probabilities, labels: workspace.batch.labels.pointer,
                                            batch: rows, width: network.outputSize,
                                            predicted: predicted.map { $0 + done })
            lossSum += batch.lossSum
            hits += batch.hits
            done += rows
            try cancellation?.check()
        }
        return (lossSum / Double(count), Double(hits) / Double(count))
    }
}
