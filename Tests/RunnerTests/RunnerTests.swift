import Foundation
import XCTest
import Notebook
@testable import Runner

/// The runner on small committed fixtures: cell order, prerequisites, outputs, the run record.
final class RunnerTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/mnist-small")

    private func run(_ text: String) throws -> RunRecord {
        let path = Self.fixtures.deletingLastPathComponent().appendingPathComponent("runner-test.md").path
        let document = try NotebookParser.parse(source: text, path: path)
        return NotebookRunner(environment: [:]).run(document)
    }

    private let pipeline = """
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
    epochs: 3
    batch_size: 50
    validation_split: 0.2
    ```
    ```evaluate
    ```
    ```plot
    loss, accuracy, confusion_matrix, samples
    ```

    """

    func testPipelineRunsEveryCellAndInfersTheInputSize() throws {
        let record = try run(pipeline)
        XCTAssertEqual(record.results.map(\.status), Array(repeating: .ok, count: 6), "\(String(describing: record.error))")
        XCTAssertFalse(record.failed)
        let history = try XCTUnwrap(record.history)
        XCTAssertEqual(history.loss.count, 3)
        XCTAssertEqual(history.valLoss.count, 3)
        XCTAssertLessThan(history.loss[2], history.loss[0], "training lowers the loss")
        XCTAssertNotNil(record.evaluation)
        let plotOutputs = record.results[5].outputs
        XCTAssertEqual(plotOutputs.count, 5, "four charts and the confusion matrix's precision and recall table")
        for (index, output) in plotOutputs.enumerated() {
            if index == 3 {
                guard case .table(let table) = output else { return XCTFail("the confusion matrix is followed by its table") }
                XCTAssertEqual(table.header, ["class", "precision", "recall", "support"])
                continue
            }
            guard case .chart(let svg, _) = output else { return XCTFail("plot makes charts") }
            XCTAssertTrue(svg.hasPrefix("<svg"))
        }
        guard case .text(let line) = record.results[2].outputs.first, record.results[2].outputs.count == 1 else {
            return XCTFail("build shows one line")
        }
        XCTAssertEqual(line, "A sequential model of 2 layers and 12,730 parameters: input 784, output 10.",
                       "784·16 + 16 + 16·10 + 10 parameters")
        XCTAssertEqual(record.results[4].outputs.count, 1, "evaluate shows its scores only")
    }

    func testValidationRowsAreTheLastFraction() throws {
        let record = try run(pipeline)
        guard case .text(let text) = record.results[3].outputs.first else { return XCTFail("fit says what it did") }
        XCTAssertTrue(text.contains("on 800 samples"), text)
        XCTAssertTrue(text.contains("the last 200"), text)
    }

    func testConfusionMatrixCountsEveryTestImage() throws {
        let document = try NotebookParser.parse(source: pipeline, path: Self.fixtures.deletingLastPathComponent()
            .appendingPathComponent("x.md").path)
        var session = Session(notebookDirectory: Self.fixtures.deletingLastPathComponent(), seed: 42,
                              environment: [:], events: { _ in })
        for cell in document.cells.prefix(5) { _ = try session.execute(cell) }
        let (matrix, classes) = try XCTUnwrap(session.confusionMatrix())
        XCTAssertEqual(classes, 10)
        XCTAssertEqual(matrix.joined().reduce(0, +), 200)
    }

    func testPreprocessBeforeLoadFailsAndLaterCellsDoNotRun() throws {
        let record = try run("```preprocess\nflatten: true\n```\n```build\ndense 10 softmax input=784\n```\n")
        XCTAssertEqual(record.results.map(\.status), [.error, .notRun])
        let error = try XCTUnwrap(record.error)
        XCTAssertEqual(error.location.line, 1)
        XCTAssertTrue(error.message.contains("needs data"), error.message)
        XCTAssertNotNil(error.hint)
    }

    func testPlotBeforeFitPointsAtTheChartName() throws {
        let record = try run("```plot\nloss\n```\n")
        let error = try XCTUnwrap(record.error)
        XCTAssertEqual(error.location.line, 2)
        XCTAssertEqual(error.location.column, 1)
        XCTAssertTrue(error.message.contains("fit"), error.message)
    }

    func testUnflattenedDataWithoutInputSizeAsksForFlatten() throws {
        let record = try run("```load\npath: mnist-small\n```\n```build\ndense 10 softmax\n```\n")
        let error = try XCTUnwrap(record.error)
        XCTAssertEqual(error.location.line, 5)
        XCTAssertTrue(error.hint?.contains("flatten: true") ?? false)
    }

    func testOneHotSmallerThanTheLabelsIsRefused() throws {
        let record = try run("```load\npath: mnist-small\n```\n```preprocess\none_hot: 5\n```\n")
        let error = try XCTUnwrap(record.error)
        XCTAssertEqual(error.location.line, 5)
        XCTAssertTrue(error.message.contains("label 9"), error.message)
    }

    func testRunRecordKeepsTheLastFitAndEvaluateWhenAModelIsRebuilt() throws {
        let record = try run(pipeline + "```build\ndense 10 softmax\n```\n")
        XCTAssertFalse(record.failed, "\(String(describing: record.error))")
        XCTAssertEqual(record.history?.loss.count, 3)
        XCTAssertNotNil(record.evaluation)
    }

    func testRunRecordJSONHasTheDocumentedShape() throws {
        let record = try run("---\ntitle: T\nauthor: [Ada, Alan]\ndate: 2024-05-01\n---\n" + pipeline)
        let object = try JSONSerialization.jsonObject(with: record.jsonData()) as? [String: Any]
        let json = try XCTUnwrap(object)
        XCTAssertEqual(json["status"] as? String, "ok")
        XCTAssertEqual(json["author"] as? String, "Ada, Alan")
        XCTAssertEqual(json["date"] as? String, "2024-05-01")
        let cells = try XCTUnwrap(json["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.first?["index"] as? Int, 1)
        XCTAssertEqual(cells.first?["directive"] as? String, "load")
        XCTAssertNotNil(cells.first?["seconds"] as? Double)
        let history = try XCTUnwrap(json["history"] as? [String: [Double]])
        XCTAssertEqual(Set(history.keys), ["loss", "accuracy", "val_loss", "val_accuracy"])
        let evaluate = try XCTUnwrap(json["evaluate"] as? [String: Double])
        XCTAssertEqual(Set(evaluate.keys), ["loss", "accuracy"])
        XCTAssertEqual((json["predictions"] as? [Any])?.count, 0)
    }

    func testFormatting() {
        XCTAssertEqual(Format.integer(60000), "60,000")
        XCTAssertEqual(Format.integer(-1234567), "-1,234,567")
        XCTAssertEqual(Format.integer(999), "999")
        XCTAssertEqual(Format.metric(0.92713), "0.9271")
        XCTAssertEqual(Format.metric(0.0001234), "1.2340e-04")
        XCTAssertEqual(Format.percent(0.5), "50.00%")
    }
}
