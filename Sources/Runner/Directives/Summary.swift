import NeuralNet
import Notebook

extension Session {
    /// `summary`: the model's layers, output shapes and parameter counts, as Keras prints them.
    func runSummary(_ directive: SummaryDirective, cell: Cell) throws -> [Output] {
        let model = try requireModel(for: "summary", at: cell.location)
        return [.table(Self.summaryTable(model))]
    }
}
