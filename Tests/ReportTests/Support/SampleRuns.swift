import Foundation
import XCTest
import Notebook
@testable import Runner
@testable import Report

/// Run records built by hand from a parsed notebook, so report tests need no data and no training.
enum SampleRuns {
    /// Eight cells, one of each kind of output, with front matter for the header and display options.
    static let notebook = """
    ---
    title: Handwritten digits
    author: [Ada Lovelace, Alan Turing]
    date: 2024-05-01
    description: A small MLP on MNIST.
    toc: true
    ---
    # Handwritten digits

    We load the data, build a model and train it.

    ```load
    #| echo: false
    dataset: mnist
    ```
    ```preprocess
    flatten: true
    scale: 255
    one_hot: 10
    ```
    ## The model
    ```build
    #| code-fold: true
    dense 128 relu input=784
    dense 10 softmax
    ```
    ```fit
    loss: categorical_crossentropy
    epochs: 2
    ```
    ```evaluate
    ```
    ```plot
    loss, accuracy
    ```
    ```summary
    #| output: false
    ```
    ```save
    path: model.safetensors
    ```
    """

    /// `notebook` declaring two parameters (the fit uses one).
    static let withParameters = notebook
        .replacingOccurrences(of: "toc: true\n", with: "toc: true\nparams:\n  epochs: 2\n  note: a <b> & c\n")
        .replacingOccurrences(of: "epochs: 2\n```", with: "epochs: {{ epochs }}\n```")

    static func document(_ text: String = notebook, file: StaticString = #filePath, line: UInt = #line) throws -> Document {
        try NotebookParser.parse(source: text, path: "nb.md")
    }

    /// What each cell of `notebook` shows when it runs, by index.
    static func outputs(for cell: Cell) -> [Output] {
        let chart = { (caption: String) in Output.chart(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>", caption: caption) }
        switch cell.name {
        case "load": return [.text("Loaded mnist: 60000 training and 10000 test images of 28×28.")]
        case "preprocess": return [.text("Flattened to 784, scaled by 1/255, labels one-hot (10).")]
        case "build":
            return [.table(Table(caption: "Model", header: ["Layer", "Output", "Params"],
                                 rows: [["Dense", "128", "100480"], ["Dense", "10", "1290"]],
                                 footerRows: [["Total", "", "101770"]], numericColumns: [2]))]
        case "fit":
            return [.table(Table(caption: "Training", header: ["Epoch", "loss"], rows: [["1", "0.3"], ["2", "0.1"]])),
                    chart("Training loss per epoch")]
        case "evaluate": return [.table(Table(caption: "Test scores", header: ["metric", "value"], rows: [["accuracy", "0.97"]]))]
        case "plot": return [chart("Loss per epoch"), chart("Accuracy per epoch")]
        case "summary": return [.table(Table(caption: "Model summary", header: ["Layer"], rows: [["Dense"]]))]
        default: return [.text("Saved the model to model.safetensors.")]
        }
    }

    /// Every cell ran.
    static func successful(_ document: Document) -> RunRecord {
        let results = document.cells.map { CellResult(cell: $0, status: .ok, seconds: 0.25, outputs: outputs(for: $0)) }
        return RunRecord(document: document, results: results, history: nil, evaluation: nil, predictions: [], seconds: 2)
    }

    /// Cell `failing` failed (after showing what it had, if `partialOutputs`); the cells after it did not run.
    static func failed(_ document: Document, at failing: Int, partialOutputs: Bool = false) -> RunRecord {
        let results = document.cells.map { cell -> CellResult in
            if cell.index < failing { return CellResult(cell: cell, status: .ok, seconds: 0.25, outputs: outputs(for: cell)) }
            if cell.index > failing { return CellResult(cell: cell, status: .notRun) }
            let error = RunError(at: SourceLocation(file: "nb.md", line: cell.location.line + 1, column: 7),
                                 "the loss became NaN in epoch 1", hint: "lower learning_rate")
            return CellResult(cell: cell, status: .error, seconds: 0.5, outputs: partialOutputs ? outputs(for: cell) : [], error: error)
        }
        return RunRecord(document: document, results: results, history: nil, evaluation: nil, predictions: [], seconds: 2)
    }

    /// Cell `stopped` was interrupted (showing what it finished); later cells did not run; cell
    /// `failing`, when given, failed earlier and the run went on (`--allow-errors`).
    static func interrupted(_ document: Document, at stopped: Int, failing: Int? = nil) -> RunRecord {
        let interruption = Interruption(reason: .interrupt, message: "Interrupted by Ctrl-C during epoch 2 of 2 (after batch 3 of 10).")
        let results = document.cells.map { cell -> CellResult in
            if cell.index == failing {
                let error = RunError(at: SourceLocation(file: "nb.md", line: cell.location.line + 1, column: 1), "no such folder")
                return CellResult(cell: cell, status: .error, seconds: 0.1, error: error)
            }
            if cell.index < stopped {
                return CellResult(cell: cell, status: .ok, seconds: 0.25, outputs: outputs(for: cell))
            }
            if cell.index > stopped {
                return CellResult(cell: cell, status: .notRun, note: cell.index == stopped + 1 ? "Not run: it needs the model." : nil)
            }
            return CellResult(cell: cell, status: .interrupted, seconds: 0.5, outputs: outputs(for: cell), interruption: interruption)
        }
        return RunRecord(document: document, results: results, history: nil, evaluation: nil, predictions: [], seconds: 2,
                         interruption: interruption)
    }

    static func render(_ record: RunRecord) throws -> String {
        try ReportRenderer(version: "test").render(record, generated: Date(timeIntervalSince1970: 0))
    }
}
