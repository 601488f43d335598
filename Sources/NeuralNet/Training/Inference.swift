/// Forward-only passes shared by validation and `evaluate`.
enum Inference {
    /// Mean categorical cross-entropy and accuracy of rows `start..<start+count`, forward only,
    /// in chunks of the workspace's capacity. `predicted` (count), when given, gets each argmax.
    static func measure(_ network: Network<Float>, _ reader: BatchReader, start: Int, count: Int,
                        workspace: Workspace<Float>, predicted: UnsafeMutablePointer<Int32>?) -> (loss: Double, accuracy: Double) {
        var lossSum = 0.0
        var hits = 0
        var done = 0
        while done < count {
            let rows = min(workspace.capacity, count - done)
            reader.load(start: start + done, count: rows, order: nil, into: workspace.batch)
            let probabilities = network.forward(batch: rows, workspace: workspace)
            let batch = CrossEntropyKernels.lossAndHits(probabilities: probabilities, labels: workspace.batch.labels.pointer,
                                                        batch: rows, classes: network.outputSize,
                                                        predicted: predicted.map { $0 + done })
            lossSum += batch.lossSum
            hits += batch.hits
            done += rows
        }
        return (lossSum / Double(count), Double(hits) / Double(count))
    }
}
