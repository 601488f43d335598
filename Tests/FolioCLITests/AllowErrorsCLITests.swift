import Foundation
import XCTest

/// `folio run --allow-errors`: the cells that do not depend on a failed one still run, every error
/// is printed (golden stderr) and shown in its own cell, and the exit status is 1.
final class AllowErrorsCLITests: XCTestCase {
    private static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    private let notebook = """
    ```load
    dataset: mnist
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
    image: not-a-picture.png
    ```
    ```predict
    image: seven-7.png
    ```
    ```predict
    image: also-not-a-picture.png
    ```

    """

    private func workspace() throws -> URL {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write(notebook, to: "nb.md", in: folder)
        _ = try FolioProcess.write("this is text, not a PNG\n", to: "not-a-picture.png", in: folder)
        _ = try FolioProcess.write("nor is this\n", to: "also-not-a-picture.png", in: folder)
        try FileManager.default.copyItem(at: FolioProcess.repository.appendingPathComponent("Tests/Fixtures/drawn/drawn0-7.png"),
                                         to: folder.appendingPathComponent("seven-7.png"))
        return folder
    }

    func testEveryErrorIsPrintedAndTheIndependentPredictStillRuns() throws {
        let folder = try workspace()
        let outcome = try FolioProcess.run(["run", "nb.md", "-q", "--allow-errors", "--json", "output/nb.json"], in: folder)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        let url = Self.golden.appendingPathComponent("allow-errors.stderr")
        if ProcessInfo.processInfo.environment["FOLIO_UPDATE_GOLDEN"] == "1" {
            try outcome.stderr.write(to: url, atomically: true, encoding: .utf8)
        } else {
            XCTAssertEqual(outcome.stderr, try String(contentsOf: url, encoding: .utf8),
                           "differs from Golden/allow-errors.stderr; rerun with FOLIO_UPDATE_GOLDEN=1 if intended")
        }
        let data = try Data(contentsOf: folder.appendingPathComponent("output/nb.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(json["status"] as? String, "error")
        let cells = try XCTUnwrap(json["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { $0["status"] as? String }, ["ok", "ok", "ok", "error", "ok", "error"])
        XCTAssertEqual((json["predictions"] as? [[String: Any]])?.map { $0["image"] as? String }, ["seven-7.png"])

        let report = try String(contentsOf: folder.appendingPathComponent("output/nb.html"), encoding: .utf8)
        XCTAssertTrue(report.contains("<strong>2 cells failed.</strong>"))
        XCTAssertEqual(report.components(separatedBy: "<p class=\"run-error-item\">").count - 1, 2, "the banner lists both")
        XCTAssertEqual(report.components(separatedBy: "<div class=\"cell-error\" role=\"alert\">").count - 1, 2)
    }

    func testWithoutTheFlagTheRunStopsAtTheFirstFailure() throws {
        let folder = try workspace()
        let outcome = try FolioProcess.run(["run", "nb.md", "-q", "--json", "output/nb.json"], in: folder)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        let data = try Data(contentsOf: folder.appendingPathComponent("output/nb.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try XCTUnwrap(json["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { $0["status"] as? String }, ["ok", "ok", "ok", "error", "not_run", "not_run"])
        XCTAssertTrue(outcome.stderr.hasSuffix("The run stopped there; the report shows the error in its cell: output/nb.html\n"),
                      outcome.stderr)
    }
}
