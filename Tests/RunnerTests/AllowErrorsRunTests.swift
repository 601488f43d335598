import Foundation
import Notebook
import XCTest
@testable import Runner

/// `allowErrors`: after a failed cell, the cells that do not need what it should have made still
/// run; the others are `notRun` with a note naming the failed cell.
final class AllowErrorsRunTests: XCTestCase {
    private static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    private func run(_ text: String, allowErrors: Bool = true) throws -> RunRecord {
        let document = try NotebookParser.parse(source: text, path: Self.folder.appendingPathComponent("nb.md").path)
        return NotebookRunner(environment: [:], allowErrors: allowErrors).run(document)
    }

    private let predictions = """
    ```load
    path: mnist-small
    ```
    ```build
    flatten input=28x28
    dense 10 softmax
    ```
    ```fit
    loss: sparse_categorical_crossentropy
    epochs: 1
    ```
    ```predict
    image: drawn/no-such-image.png
    ```
    ```predict
    image: drawn/drawn0-7.png
    ```

    """

    func testAFailedPredictDoesNotStopTheNextPredict() throws {
        let record = try run(predictions)
        XCTAssertEqual(record.results.map(\.status), [.ok, .ok, .ok, .error, .ok])
        XCTAssertEqual(record.predictions.map(\.image), ["drawn/drawn0-7.png"])
        XCTAssertTrue(record.failed)
    }

    func testWithoutTheFlagTheFirstFailureStopsTheRun() throws {
        let record = try run(predictions, allowErrors: false)
        XCTAssertEqual(record.results.map(\.status), [.ok, .ok, .ok, .error, .notRun])
        XCTAssertNil(record.results[4].note)
    }

    func testAFailedBuildSkipsEveryCellThatNeedsTheModel() throws {
        let text = """
        ```build
        dense 10 softmax
        ```
        ```load
        path: mnist-small
        ```
        ```fit
        loss: sparse_categorical_crossentropy
        epochs: 1
        ```
        ```plot
        samples
        ```
        ```evaluate
        ```
        ```plot
        loss
        ```
        ```summary
        ```

        """
        let record = try run(text)
        XCTAssertEqual(record.results.map(\.status), [.error, .ok, .notRun, .ok, .notRun, .notRun, .notRun])
        let note = "Not run: it needs the model, which the failed build cell (cell 1, line 1) should have made."
        XCTAssertEqual(record.results[2].note, note)
        XCTAssertEqual(record.results[4].note, note)
        XCTAssertEqual(record.results[5].note,
                       "Not run: it needs the history, which the failed build cell (cell 1, line 1) should have made.",
                       "the history the skipped fit should have made")
        XCTAssertEqual(record.results[6].note, note)
        XCTAssertNil(record.results[3].note)
    }

    func testAFailedLoadSkipsWhatNeedsDataAndASecondBuildRepairsTheModel() throws {
        let text = """
        ```load
        path: no-such-folder
        ```
        ```preprocess
        flatten: true
        ```
        ```build
        dense 10 softmax input=784
        ```
        ```summary
        ```
        ```fit
        loss: sparse_categorical_crossentropy
        ```

        """
        let record = try run(text)
        XCTAssertEqual(record.results.map(\.status), [.error, .notRun, .ok, .ok, .notRun])
        XCTAssertEqual(record.results[1].note,
                       "Not run: it needs the data, which the failed load cell (cell 1, line 1) should have made.")
        XCTAssertEqual(record.results[4].note, record.results[1].note)
    }

    func testEveryFailureIsKeptInItsOwnCell() throws {
        let text = predictions.replacingOccurrences(of: "drawn/drawn0-7.png", with: "drawn/missing-too.png")
        let record = try run(text)
        XCTAssertEqual(record.results.compactMap(\.error).map(\.location.line), [13, 16])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: record.jsonData()) as? [String: Any])
        XCTAssertEqual(json["status"] as? String, "error")
    }
}
