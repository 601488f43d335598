import Foundation
import XCTest
import NeuralNet
import Notebook
@testable import Runner

/// A saved model is the whole model: a notebook that only loads it presents data as it was
/// trained on, uses its loss and class names, and refuses a `preprocess` that disagrees.
final class ModelFileRunTests: XCTestCase {
    private var folder: URL!
    private let names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-model-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("mnist-small"),
                                                   withDestinationURL: RunnerTests.fixtures)
        let repository = RunnerTests.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(at: repository.appendingPathComponent("notebooks/images/seven.png"),
                                         to: folder.appendingPathComponent("images/seven.png"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func document(_ text: String) throws -> Document {
        try NotebookParser.parse(source: text, path: folder.appendingPathComponent("notebook.md").path)
    }

    private func run(_ text: String) throws -> RunRecord {
        NotebookRunner(environment: [:]).run(try document(text))
    }

    /// Trains on scaled, flattened, one-hot data with named classes, evaluates, predicts and saves.
    private func train() throws -> (evaluation: Evaluation, prediction: Prediction) {
        let cells = try document("""
        ```load
        path: mnist-small
        ```
        ```preprocess
        flatten: true
        scale: 255
        one_hot: 10
        ```
        ```build
        dense 16 relu
        dense 10 softmax
        ```
        ```fit
        loss: categorical_crossentropy
        epochs: 2
        batch_size: 50
        ```
        ```evaluate
        ```
        ```predict
        image: images/seven.png
        ```
        ```save
        path: models/mnist.safetensors
        ```

        """).cells
        var session = Session(notebookDirectory: folder, seed: 42, environment: [:], events: { _ in })
        _ = try session.execute(cells[0])
        session.data?.classNames = names
        for cell in cells.dropFirst() { _ = try session.execute(cell) }
        return (try XCTUnwrap(session.evaluation), try XCTUnwrap(session.predictions.first))
    }

    func testTheFileRecordsThePreparationLossAndOptimizer() throws {
        _ = try train()
        let summary = try Sequential.readSummary(from: folder.appendingPathComponent("models/mnist.safetensors"))
        XCTAssertEqual(summary.version, 2)
        XCTAssertEqual(summary.loss, .categoricalCrossentropy)
        XCTAssertEqual(summary.preparation, DataPreparation(flatten: true, scale: 255, oneHotWidth: 10, classNames: names))
        XCTAssertEqual(summary.optimizer, .defaultAdam)
        XCTAssertEqual(summary.optimizerIterations, 40, "2 epochs of 1000 samples in batches of 50")
    }

    func testLoadingTheModelThenTheDataNeedsNoPreprocess() throws {
        let trained = try train()
        let record = try run("""
        ```load
        model: models/mnist.safetensors
        ```
        ```load
        path: mnist-small
        ```
        ```evaluate
        ```
        ```predict
        image: images/seven.png
        ```

        """)
        XCTAssertFalse(record.failed, "\(String(describing: record.error))")
        XCTAssertEqual(record.evaluation?.loss, trained.evaluation.loss, "the saved loss, on data scaled and one-hot as in training")
        XCTAssertEqual(record.evaluation?.accuracy, trained.evaluation.accuracy)
        XCTAssertEqual(record.predictions.first?.probabilities, trained.prediction.probabilities, "pixels divided by the saved 255")
        XCTAssertEqual(record.predictions.first?.className, trained.prediction.className)
        XCTAssertEqual(record.predictions.first.map { names[$0.label] }, record.predictions.first?.className, "the saved class names")
        guard case .text(let text) = record.results[0].outputs.first else { return XCTFail("load says what it loaded") }
        XCTAssertTrue(text.contains("flattened, pixels ÷ 255, one-hot labels of width 10"), text)
    }

    func testLoadingTheDataThenTheModelAndAgreeingPreprocessWorksToo() throws {
        let trained = try train()
        let record = try run("""
        ```load
        path: mnist-small
        ```
        ```preprocess
        scale: 255
        ```
        ```load
        model: models/mnist.safetensors
        ```
        ```preprocess
        one_hot: 10
        flatten: true
        ```
        ```evaluate
        ```
        ```fit
        loss: categorical_crossentropy
        epochs: 1
        batch_size: 50
        ```

        """)
        XCTAssertFalse(record.failed, "\(String(describing: record.error))")
        XCTAssertEqual(record.evaluation?.loss, trained.evaluation.loss)
        XCTAssertEqual(record.evaluation?.accuracy, trained.evaluation.accuracy)
    }

    func testAPreprocessThatDisagreesWithTheModelIsAnErrorAtItsOption() throws {
        _ = try train()
        let scale = try run("""
        ```load
        model: models/mnist.safetensors
        path: mnist-small
        ```
        ```preprocess
        flatten: true
        scale: 1
        ```

        """)
        let scaleError = try XCTUnwrap(scale.error)
        XCTAssertEqual(scaleError.location.line, 7)
        XCTAssertEqual(scaleError.location.column, 8)
        XCTAssertTrue(scaleError.message.contains("the model was trained on pixels divided by 255; write `scale: 255`"), scaleError.message)

        let labels = try run("```load\nmodel: models/mnist.safetensors\npath: mnist-small\n```\n```preprocess\none_hot: 12\n```\n")
        let labelsError = try XCTUnwrap(labels.error)
        XCTAssertEqual(labelsError.location.line, 6)
        XCTAssertTrue(labelsError.message.contains("one-hot labels of width 10; write `one_hot: 10`"), labelsError.message)

        let shape = try run("```load\nmodel: models/mnist.safetensors\npath: mnist-small\n```\n```preprocess\nreshape: 28x28x1\n```\n")
        let shapeError = try XCTUnwrap(shape.error)
        XCTAssertEqual(shapeError.location.line, 6)
        XCTAssertTrue(shapeError.message.contains("write `flatten: true`"), shapeError.message)

        // A preprocess cell before the model: the error points at its option when the model loads.
        let earlier = try run("```load\npath: mnist-small\n```\n```preprocess\nscale: 100\n```\n```load\nmodel: models/mnist.safetensors\n```\n")
        XCTAssertEqual(earlier.results.map(\.status), [.ok, .ok, .error])
        let earlierError = try XCTUnwrap(earlier.error)
        XCTAssertEqual(earlierError.location.line, 5)
        XCTAssertTrue(earlierError.message.contains("divided by 255"), earlierError.message)
    }

    func testABuiltModelNoLongerFollowsTheLoadedPreparation() throws {
        _ = try train()
        let record = try run("""
        ```load
        model: models/mnist.safetensors
        path: mnist-small
        ```
        ```build
        dense 10 softmax
        ```
        ```preprocess
        scale: 1
        ```

        """)
        XCTAssertFalse(record.failed, "\(String(describing: record.error))")
    }
}
