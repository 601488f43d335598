import Foundation
import Limits
import NeuralNet
import Notebook
import XCTest
@testable import Runner

/// A run whose `Cancellation` is asked for: the running cell is `interrupted` with what it finished,
/// the later cells are `notRun`, and the record says why it stopped.
final class InterruptedRunTests: XCTestCase {
    private static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    private let notebook = """
    ```load
    path: mnist-small
    ```
    ```preprocess
    flatten: true
    scale: 255
    ```
    ```build
    dense 16 relu
    dense 10 softmax
    ```
    ```fit
    loss: sparse_categorical_crossentropy
    epochs: 100
    batch_size: 50
    validation_split: 0.2
    ```
    ```evaluate
    ```

    """

    private func run(_ text: String, cancelling cancellation: Cancellation,
                     when stop: @escaping (RunEvent) -> Bool) throws -> RunRecord {
        let document = try NotebookParser.parse(source: text, path: Self.folder.appendingPathComponent("nb.md").path)
        return NotebookRunner(environment: [:], cancellation: cancellation).run(document) { event in
            if stop(event) { cancellation.cancel(.interrupt) }
        }
    }

    func testAFitStoppedInEpochThreeKeepsTwoEpochsAndMarksTheCellInterrupted() throws {
        let cancellation = Cancellation()
        let record = try run(notebook, cancelling: cancellation) { event in
            if case .training(.epochFinished(let summary)) = event { return summary.epoch == 2 }
            return false
        }
        XCTAssertEqual(record.results.map(\.status), [.ok, .ok, .ok, .interrupted, .notRun])
        let expected = "Interrupted by Ctrl-C during epoch 3 of 100 (after batch 1 of 16)."
        XCTAssertEqual(record.interruption, Interruption(reason: .interrupt, message: expected))
        XCTAssertEqual(record.results[3].interruption?.message, expected)
        XCTAssertNil(record.results[3].error)
        XCTAssertEqual(record.history?.loss.count, 2, "the finished epochs are the run's history")
        guard case .text(let text) = record.results[3].outputs.first,
              case .table(let table) = record.results[3].outputs.last else { return XCTFail("a line and the history table") }
        XCTAssertEqual(text, "Finished 2 of 100 epochs before the stop; the model keeps the weights of the last batch trained.")
        XCTAssertEqual(table.rows.map { $0[0] }, ["1", "2"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: record.jsonData()) as? [String: Any])
        XCTAssertEqual(json["status"] as? String, "interrupted")
        XCTAssertEqual(json["interruption"] as? String, expected)
        let cells = try XCTUnwrap(json["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { $0["status"] as? String }, ["ok", "ok", "ok", "interrupted", "not_run"])
        XCTAssertEqual((json["history"] as? [String: Any])?["loss"] as? [Double], record.history?.loss)
    }

    func testAStopDuringACellWithoutSafePointsEndsTheRunAfterIt() throws {
        let cancellation = Cancellation()
        let record = try run(notebook, cancelling: cancellation) { event in
            if case .cellFinished(let result, _) = event { return result.cell.name == "preprocess" }
            return false
        }
        XCTAssertEqual(record.results.map(\.status), [.ok, .ok, .notRun, .notRun, .notRun])
        XCTAssertEqual(record.interruption?.message, "Interrupted by Ctrl-C; the run stopped after the preprocess cell finished.")
    }

    func testEvaluateIsInterruptedAtTheEndOfAChunk() throws {
        let cancellation = Cancellation()
        let text = notebook.replacingOccurrences(of: "epochs: 100", with: "epochs: 1")
        let record = try run(text, cancelling: cancellation) { event in
            if case .cellStarted(let cell, _) = event { return cell.name == "evaluate" }
            return false
        }
        XCTAssertEqual(record.results.map(\.status), [.ok, .ok, .ok, .ok, .interrupted])
        XCTAssertEqual(record.interruption?.message, "Interrupted by Ctrl-C during evaluate.")
        XCTAssertNil(record.evaluation)
    }
}
