import Foundation
import NeuralNet
import Notebook

extension Session {
    /// `fit`: train the model on the training set, Keras style; keeps the History for `plot`.
    mutating func runFit(_ directive: FitDirective, cell: Cell) throws -> [Output] {
        let model = try requireModel(for: "fit", at: cell.location)
        let train = try trainingExamples(for: "fit", at: cell.location)
        let loss = Loss(directive.loss)
        let options = FitOptions(loss: loss, optimizer: Self.optimizer(directive), epochs: directive.epochs,
                                 batchSize: directive.batchSize, validationSplit: directive.validationSplit,
                                 shuffle: directive.shuffle)
        let started = Date()
        let firstEpoch = (self.history?.loss.count ?? 0) + 1
        let history: History
        do {
            history = try wrap(at: cell.location) {
                try model.fit(train, options: options, seed: seed &+ UInt64(cell.index),
                              cancellation: cancellation) { [events] event in
                    events(.training(event))
                }
            }
        } catch let stop as FitStopped {
            // Keras on Ctrl-C: the model keeps the last batch's weights, the history its finished epochs.
            recordFit(stop.history, seconds: Date().timeIntervalSince(started), loss: loss)
            throw CellInterrupted(interruption: Self.interruption(stop),
                                  outputs: Self.stoppedOutputs(stop, firstEpoch: firstEpoch))
        }
        let seconds = Date().timeIntervalSince(started)
        recordFit(history, seconds: seconds, loss: loss)

        let trainingCount = options.trainingRows(of: train.count)
        let validationCount = train.count - trainingCount
        let steps = (trainingCount + directive.batchSize - 1) / directive.batchSize
        var summary = "Trained \(directive.epochs) epoch\(directive.epochs == 1 ? "" : "s") in \(Format.seconds(seconds)) "
        summary += "on \(Format.integer(trainingCount)) samples (\(Format.integer(steps)) steps of \(directive.batchSize) per epoch)"
        summary += validationCount > 0 ? ", validating on the last \(Format.integer(validationCount))." : "."
        if firstEpoch > 1 { summary += " The model's epochs continue from its earlier training, at epoch \(firstEpoch)." }
        return [.text(summary), .table(Self.historyTable(history, firstEpoch: firstEpoch))]
    }

    /// "Interrupted by Ctrl-C during epoch 3 of 100 (after batch 12 of 30)."
    static func interruption(_ stop: FitStopped) -> Interruption {
        var message = "Interrupted by \(stop.reason.phrase) during epoch \(stop.epoch) of \(stop.epochs)"
        message += stop.step < stop.steps ? " (after batch \(stop.step) of \(stop.steps))."
            : " (after its last batch, while validating)."
        return Interruption(reason: stop.reason, message: message)
    }

    /// What a stopped fit shows: how many epochs it finished, and their history.
    static func stoppedOutputs(_ stop: FitStopped, firstEpoch: Int = 1) -> [Output] {
        let finished = stop.history.loss.count
        guard finished > 0 else {
            return [.text("No epoch finished; the model keeps the weights of the last batch trained.")]
        }
        let text = "Finished \(finished) of \(stop.epochs) epoch\(stop.epochs == 1 ? "" : "s") before the stop; "
            + "the model keeps the weights of the last batch trained."
        return [.text(text), .table(historyTable(stop.history, firstEpoch: firstEpoch))]
    }

    static func optimizer(_ directive: FitDirective) -> OptimizerSpec {
        switch directive.optimizer {
        case .adam:
            return .adam(learningRate: Float(directive.learningRate ?? 0.001))
        case .sgd:
            return .sgd(learningRate: Float(directive.learningRate ?? 0.01), momentum: Float(directive.momentum),
                        nesterov: directive.nesterov)
        case .rmsprop:
            return .rmsprop(learningRate: Float(directive.learningRate ?? 0.001))
        case .adamw:
            return .adamw(learningRate: Float(directive.learningRate ?? 0.001),
                          weightDecay: Float(directive.weightDecay ?? 0.004))
        }
    }

    /// One row per epoch, as Keras' History holds it; the first is numbered `firstEpoch` (a later fit
    /// of the same model continues its epochs).
    static func historyTable(_ history: History, firstEpoch: Int = 1) -> Table {
        let validated = !history.valLoss.isEmpty
        var header = ["epoch", "loss", "accuracy"]
        if validated { header += ["val_loss", "val_accuracy"] }
        header.append("seconds")
        let rows = history.loss.indices.map { epoch -> [String] in
            var row = [String(epoch + firstEpoch), Format.metric(history.loss[epoch]), Format.metric(history.accuracy[epoch])]
            if validated && epoch < history.valLoss.count {
                row += [Format.metric(history.valLoss[epoch]), Format.metric(history.valAccuracy[epoch])]
            }
            row.append(epoch < history.epochSeconds.count ? String(format: "%.3f", history.epochSeconds[epoch]) : "")
            return row
        }
        return Table(caption: "Training history", header: header, rows: rows,
                     numericColumns: Set(0..<header.count))
    }
}

extension Loss {
    init(_ name: LossName) {
        switch name {
        case .categoricalCrossentropy: self = .categoricalCrossentropy
        case .sparseCategoricalCrossentropy: self = .sparseCategoricalCrossentropy
        case .binaryCrossentropy: self = .binaryCrossentropy
        case .meanSquaredError: self = .meanSquaredError
        }
    }
}
