import Datasets
import NeuralNet
import Runner

/// The one line the preview page shows while a run is in flight, kept up to date from the run's
/// events: which cell is running (`[4/12] fit (line 56)`) and, during `fit`, the epoch and batch
/// (`[4/12] fit (line 56) — epoch 3/10, batch 120/270, loss 0.2812, accuracy 0.9143`).
struct RunStatus {
    private var cell: String?
    private var epoch = 0
    private var epochs = 0

    /// The line after `event`, or nil when the event changes nothing a reader sees.
    mutating func line(after event: RunEvent) -> String? {
        switch event {
        case .cellStarted(let started, let count):
            cell = "[\(started.index)/\(count)] \(started.name) (line \(started.location.line))"
            epoch = 0
            epochs = 0
            return cell
        case .cellFinished:
            return nil
        case .training(.epochStarted(let epoch, let epochs, let steps)):
            self.epoch = epoch
            self.epochs = epochs
            return withCell("epoch \(epoch)/\(epochs), batch 0/\(steps)")
        case .training(.batchFinished(let epoch, let step, let steps, let loss, let accuracy, _)):
            let total = epochs > 0 ? "/\(epochs)" : ""
            return withCell("epoch \(epoch)\(total), batch \(step)/\(steps), loss \(Format.metric(loss)), accuracy \(Format.metric(accuracy))")
        case .training(.epochFinished(let summary)):
            var text = "epoch \(summary.epoch)/\(summary.epochs) done, loss \(Format.metric(summary.loss)), accuracy \(Format.metric(summary.accuracy))"
            if let valAccuracy = summary.valAccuracy { text += ", val_accuracy \(Format.metric(valAccuracy))" }
            return withCell(text)
        case .download(let progress):
            return withCell("downloading \(progress.file): \(progress.receivedBytes / 1_048_576) MB")
        }
    }

    private func withCell(_ detail: String) -> String {
        cell.map { "\($0) — \(detail)" } ?? detail
    }
}
