import Foundation
import XCTest

/// `plot: weights`, `plot: mistakes` and the precision/recall table, run by the binary on mnist-small,
/// and refused by `folio check` at the chart's name.
final class LearnedPlotsCLITests: XCTestCase {
    private let notebook = """
    ---
    title: What it learned
    seed: 7
    ---
    ```load
    dataset: mnist
    ```
    ```preprocess
    flatten: true
    scale: 255
    ```
    ```build
    dense 12 relu
    dense 10 softmax
    ```
    ```fit
    loss: sparse_categorical_crossentropy
    epochs: 2
    ```
    ```evaluate
    ```
    ```plot
    confusion_matrix, weights, mistakes
    ```

    """

    func testTheReportShowsWeightsMistakesAndPrecisionRecall() throws {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write(notebook, to: "learned.md", in: folder)
        let outcome = try FolioProcess.run(["run", "learned.md"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let html = try String(contentsOf: folder.appendingPathComponent("output/learned.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("Precision and recall per class (test set)"))
        XCTAssertTrue(html.contains("Weights of layer 1 (dense)"))
        XCTAssertTrue(html.contains("all 12 units"))
        XCTAssertTrue(html.contains("Most confident mistakes (test set)"))
        XCTAssertEqual(html.components(separatedBy: "<section class=\"cell status-ok\"").count - 1, 6)
    }

    func testCheckRefusesWeightsOfAModelThatIsNotOnPictures() throws {
        let folder = try FolioProcess.makeWorkspace()
        let text = "```build\ndense 4 relu input=20\n```\n```plot\nweights\n```\n"
        _ = try FolioProcess.write(text, to: "bad.md", in: folder)
        let outcome = try FolioProcess.run(["check", "bad.md"], in: folder)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("bad.md:5:1: error: plot weights draws each unit of a first `dense` layer as a picture, "
                                              + "but layer 1's 20 inputs do not form one image"), outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/bad.html").path))
    }
}
