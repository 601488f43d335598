import Foundation
import Datasets
import NeuralNet
import Runner

/// Prints a run's progress on stderr: one line per cell and, while `fit` runs, a Keras-like
/// progress bar (`Epoch i/N`, `step/steps ━━━━ 2s 4ms/step - accuracy: … - loss: …`).
///
/// On a terminal the bar is redrawn in place (at most ~12 times a second, so it costs the
/// training loop nothing); in a log only each epoch's final line is printed.
final class ProgressPrinter {
    private let quiet: Bool
    private var lastDraw = Date.distantPast
    private var lineOpen = false
    private var steps = 0

    init(quiet: Bool) { self.quiet = quiet }

    func handle(_ event: RunEvent) {
        guard !quiet else { return }
        switch event {
        case .cellStarted(let cell, let count):
            closeLine()
            Terminal.error("[\(cell.index)/\(count)] \(cell.name) (line \(cell.location.line))")
        case .cellFinished(let result, let count) where result.cached:
            closeLine()
            let cell = result.cell
            Terminal.error("[\(cell.index)/\(count)] \(cell.name) (line \(cell.location.line)) — cached, "
                           + String(format: "%.2f s saved", result.seconds))
        case .cellFinished(let result, let count):
            closeLine()
            if result.status == .ok {
                if ["summary", "evaluate"].contains(result.cell.name) { printTables(of: result) }
                if ["build", "predict", "save"].contains(result.cell.name) { printFirstText(of: result) }
                Terminal.error(String(format: "      done in %.2f s", result.seconds))
            } else if let note = result.note {
                Terminal.error("[\(result.cell.index)/\(count)] \(result.cell.name) (line \(result.cell.location.line)) — \(note)")
            }
        case .training(let event):
            training(event)
        case .download(let progress):
            download(progress)
        }
    }

    private func training(_ event: TrainingEvent) {
        switch event {
        case .epochStarted(let epoch, let epochs, let steps):
            closeLine()
            self.steps = steps
            if epochs > 1 { Terminal.error("Epoch \(epoch)/\(epochs)") }
        case .batchFinished(_, let step, let steps, let loss, let accuracy, let elapsed):
            guard Terminal.isInteractive, step < steps else { return }
            let now = Date()
            guard now.timeIntervalSince(lastDraw) > 0.08 else { return }
            lastDraw = now
            let perStep = elapsed / Double(max(step, 1))
            let eta = perStep * Double(steps - step)
            let line = "\(Self.counter(step, steps)) \(Self.bar(step, steps)) \(Self.duration(eta)) \(Self.perStep(perStep))"
                + " - accuracy: \(Format.metric(accuracy)) - loss: \(Format.metric(loss))"
            Terminal.progress(line)
            lineOpen = true
        case .epochFinished(let summary):
            var line = "\(Self.counter(steps, steps)) \(Self.bar(steps, steps)) \(Self.duration(summary.seconds))"
            line += " \(Self.perStep(summary.seconds / Double(max(steps, 1))))"
            line += " - accuracy: \(Format.metric(summary.accuracy)) - loss: \(Format.metric(summary.loss))"
            if let valAccuracy = summary.valAccuracy, let valLoss = summary.valLoss {
                line += " - val_accuracy: \(Format.metric(valAccuracy)) - val_loss: \(Format.metric(valLoss))"
            }
            if Terminal.isInteractive { Terminal.progress(line) } else { Terminal.error(line) }
            lineOpen = Terminal.isInteractive
            closeLine()
        }
    }

    private func download(_ progress: DownloadProgress) {
        var line = "  downloading \(progress.file): \(Self.megabytes(progress.receivedBytes))"
        if let total = progress.totalBytes, total > 0 {
            line += " of \(Self.megabytes(total)) (\(progress.receivedBytes * 100 / total)%)"
        }
        if Terminal.isInteractive {
            Terminal.progress(line)
            lineOpen = true
        } else if progress.totalBytes.map({ progress.receivedBytes >= $0 }) ?? false {
            Terminal.error(line)
        }
    }

    /// Tables a reader expects on the terminal too, as Keras prints them (model summary, test scores).
    private func printTables(of result: CellResult) {
        for case .table(let table) in result.outputs {
            Terminal.error(TextTable(table).rendered(indent: "      "))
        }
    }

    /// The line a reader expects on the terminal too: the model built, the predicted class, where a model was saved
    /// (the cell's first text; the rest is for the report).
    private func printFirstText(of result: CellResult) {
        for case .text(let text) in result.outputs {
            return Terminal.error("      " + text)
        }
    }

    private func closeLine() {
        if lineOpen { Terminal.error("") }
        lineOpen = false
    }

    private static func counter(_ step: Int, _ steps: Int) -> String {
        let width = String(steps).count
        let text = String(step)
        return String(repeating: " ", count: max(0, width - text.count)) + text + "/" + String(steps)
    }

    private static func bar(_ step: Int, _ steps: Int) -> String {
        let filled = steps > 0 ? min(20, step * 20 / steps) : 20
        return String(repeating: "━", count: filled) + String(repeating: "─", count: 20 - filled)
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return seconds < 1 ? String(format: "%.2fs", seconds) : "\(whole)s" }
        if whole < 3600 { return String(format: "%d:%02d", whole / 60, whole % 60) }
        return String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
    }

    private static func perStep(_ seconds: Double) -> String {
        seconds >= 1 ? String(format: "%.0fs/step", seconds)
            : seconds >= 1e-3 ? String(format: "%.0fms/step", seconds * 1e3) : String(format: "%.0fµs/step", seconds * 1e6)
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
