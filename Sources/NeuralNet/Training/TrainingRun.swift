import Limits

/// Everything one `fit` call sets up — batch buffers, shuffle order, optimizer, helper thread —
/// and the epochs it runs with them.
final class TrainingRun {
    private let network: Network<Float>
    private let plan: FitPlan
    private let options: FitOptions
    private let workspace: Workspace<Float>
    private let optimizer: Optimizer
    private let reader: BatchReader
    /// (trainingRows) the rows of the current epoch, in order.
    private let order: Buffer<Int32>
    private var generator: SeededGenerator
    /// Takes half of each convolution, pooling and big dense pass (see `Network.attach(worker:)`) and
    /// of each big optimizer update; nil on one core.
    private let worker: SplitWorker?
    /// Steps of the first epoch timed with the worker sharing the work and without, to choose.
    private var sharingTrial: SharingTrial?

    init(network: Network<Float>, plan: FitPlan, options: FitOptions, data: Examples, workspace: Workspace<Float>,
         optimizer: Optimizer, seed: UInt64) {
        self.network = network
        self.plan = plan
        self.options = options
        self.workspace = workspace
        self.optimizer = optimizer
        reader = BatchReader(data)
        order = Buffer(count: plan.trainingRows, filledWith: 0)
        for i in 0..<plan.trainingRows { order.pointer[i] = Int32(i) }
        generator = SeededGenerator(seed: seed)
        worker = SplitWorker.forThisMachine()
        network.attach(worker: worker)
        if let worker { sharingTrial = SharingTrial(worker: worker, steps: plan.steps) }
    }

    /// Takes the helper thread back from the layers and stops it; call once, when done.
    func finish() {
        network.attach(worker: nil)
        worker?.stop()
    }

    /// Trains one epoch (1-based) over every training row, then measures the validation rows.
    /// Throws `FitStopped` (with an empty history, filled in by `fit`) at the end of the first batch
    /// after `cancellation` was asked for — never while the helper thread holds a chunk.
    func epoch(_ epoch: Int, cancellation: Cancellation?,
               progress: ((TrainingEvent) -> Void)?) throws -> EpochSummary {
        let stopwatch = Stopwatch()
        let steps = plan.steps, batchSize = options.batchSize
        progress?(.epochStarted(epoch: epoch, epochs: options.epochs, steps: steps))
        if options.shuffle {
            generator.shuffle(UnsafeMutableBufferPointer(start: order.pointer, count: plan.trainingRows))
        }
        var lossSum = 0.0, hits = 0, seen = 0
        for step in 0..<steps {
            let start = step * batchSize
            let rows = min(batchSize, plan.trainingRows - start)
            sharingTrial?.beforeStep(step)
            reader.load(start: start, count: rows, order: order.pointer, into: workspace.batch,
                        worker: network.worker)
            let batch = trainStep(rows: rows)
            if sharingTrial?.afterStep(step) == true { sharingTrial = nil }
            guard batch.lossSum.isFinite else {
                throw NeuralNetError.nonFiniteLoss(epoch: epoch, batch: step + 1, isNaN: batch.lossSum.isNaN,
                                                   learningRate: options.optimizer.learningRate)
            }
            lossSum += batch.lossSum
            hits += batch.hits
            seen += rows
            progress?(.batchFinished(epoch: epoch, step: step + 1, steps: steps, loss: lossSum / Double(seen),
                                     accuracy: Double(hits) / Double(seen), elapsed: stopwatch.seconds))
            if let reason = cancellation?.reason {
                throw FitStopped(reason: reason, history: History(), epoch: epoch, epochs: options.epochs,
                                 step: step + 1, steps: steps)
            }
        }
        var validation: (loss: Double, accuracy: Double)?
        if plan.validationRows > 0 {
            do {
                validation = try Inference.measure(network, options.loss, reader, start: plan.trainingRows,
                                                   count: plan.validationRows, workspace: workspace, predicted: nil,
                                                   cancellation: cancellation)
            } catch let stop as Cancelled {
                throw FitStopped(reason: stop.reason, history: History(), epoch: epoch, epochs: options.epochs,
                                 step: steps, steps: steps)
            }
        }
        return EpochSummary(epoch: epoch, epochs: options.epochs, loss: lossSum / Double(seen),
                            accuracy: Double(hits) / Double(seen), valLoss: validation?.loss,
                            valAccuracy: validation?.accuracy, seconds: stopwatch.seconds)
    }

    /// Forward, fused softmax + cross-entropy backward and one optimizer update on the workspace's
    /// batch; returns its summed loss and hit count (measured before the update, as Keras reports).
    @inline(__always)
    private func trainStep(rows: Int) -> (lossSum: Double, hits: Int) {
        let probabilities = network.forward(batch: rows, workspace: workspace, training: true)
        let batch = LossKernels.measure(options.loss, outputs: probabilities, labels: workspace.batch.labels.pointer,
                                        batch: rows, width: network.outputSize)
        guard batch.lossSum.isFinite else { return batch }
        network.backward(loss: options.loss, batch: rows, workspace: workspace)
        optimizer.step(parameters: network.parameters.pointer, gradients: network.gradients.pointer,
                       count: network.parameterCount, worker: worker)
        return batch
    }
}
