import Datasets
import NeuralNet
import Notebook

/// Progress while a notebook runs, for the terminal. Never part of the report.
public enum RunEvent: Sendable {
    case cellStarted(Cell, of: Int)
    case cellFinished(CellResult, of: Int)
    case training(TrainingEvent)
    case download(DownloadProgress)
}
