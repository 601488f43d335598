import Foundation
import XCTest
import Notebook
@testable import Runner

/// `predict` over a folder or glob of drawn digits: one grid and a tally, each image in the run
/// record; `folio check` finds bad globs and labels files where they are written.
final class PredictFolderTests: XCTestCase {
    private let train = """
    ```load
    path: mnist-small
    ```
    ```preprocess
    flatten: true
    scale: 255
    ```
    ```build
    dense 32 relu
    dense 10 softmax
    ```
    ```fit
    loss: sparse_categorical_crossentropy
    epochs: 3
    batch_size: 50
    ```

    """

    private func run(_ text: String) throws -> RunRecord {
        let path = RunnerTests.fixtures.deletingLastPathComponent().appendingPathComponent("predict-test.md").path
        return NotebookRunner(environment: [:]).run(try NotebookParser.parse(source: text, path: path))
    }

    private func lines(_ text: String) throws -> [String] {
        let path = RunnerTests.fixtures.deletingLastPathComponent().appendingPathComponent("predict-test.md").path
        return NotebookAnalyzer().analyze(try NotebookParser.parse(source: text, path: path))
            .map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    func testAFolderOfDrawnDigitsGivesOneGridAndATally() throws {
        let record = try run(train + "```predict\nimage: drawn\n```\n")
        XCTAssertFalse(record.failed, "\(String(describing: record.error))")
        XCTAssertEqual(record.predictions.count, 8)
        XCTAssertEqual(record.predictions.map(\.expectedLabel), [7, 2, 1, 0, 4, 1, 4, 9], "from the -N name endings")
        XCTAssertEqual(record.predictions.first?.image, "drawn/drawn0-7.png")
        let outputs = try XCTUnwrap(record.results.last?.outputs)
        XCTAssertEqual(outputs.count, 2, "a tally and one grid, not a page per image")
        guard case .text(let tally) = outputs[0], case .chart(let svg, let caption) = outputs[1] else { return XCTFail("\(outputs)") }
        let right = record.predictions.filter { $0.label == $0.expectedLabel }.count
        XCTAssertTrue(tally.hasPrefix("\(right) of 8 right"), tally)
        XCTAssertEqual(svg.components(separatedBy: "<image ").count - 1, 8)
        XCTAssertEqual(svg.components(separatedBy: "stroke-width=\"3\"").count - 1, 8 - right, "wrong ones are framed")
        XCTAssertTrue(caption.contains("white on black"), caption)
    }

    func testAGlobWithALabelsFile() throws {
        let record = try run(train + "```predict\nimage: drawn/drawn[0-3]*.png\nlabels: drawn/labels.csv\n```\n")
        XCTAssertFalse(record.failed, "\(String(describing: record.error))")
        XCTAssertEqual(record.predictions.map(\.image), ["drawn/drawn0-7.png", "drawn/drawn1-2.png", "drawn/drawn2-1.png", "drawn/drawn3-0.png"])
        XCTAssertEqual(record.predictions.map(\.expectedLabel), [7, 2, 1, 0])
    }

    func testTheCheckerFindsBadGlobsAndLabelsWhereTheyAreWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let drawn = RunnerTests.fixtures.deletingLastPathComponent().appendingPathComponent("drawn")
        let missing = folder.appendingPathComponent("missing.csv"), badLabel = folder.appendingPathComponent("bad.csv")
        try "file,label\n\(drawn.path)/drawn0-7.png,7\nnope.png,3\n".write(to: missing, atomically: true, encoding: .utf8)
        try "\(drawn.path)/drawn0-7.png,7\n\(drawn.path)/drawn1-2.png,12\n".write(to: badLabel, atomically: true, encoding: .utf8)
        let model = "```load\ndataset: mnist\n```\n```preprocess\nflatten: true\nscale: 255\n```\n```build\ndense 10 softmax\n```\n"
        XCTAssertEqual(try lines(model + "```predict\nimage: drawn/*.jpg\n```\n"), ["12:8: no image file matches 'drawn/*.jpg'"])
        XCTAssertEqual(try lines(model + "```predict\nimage: mnist-small\n```\n"),
                       ["12:8: the folder 'mnist-small' holds no PNG, JPEG, BMP or GIF image"])
        XCTAssertEqual(try lines(model + "```predict\nimage: drawn\nlabels:   \(missing.path)\n```\n"),
                       ["13:11: \(missing.path) line 3 names 'nope.png', which does not exist"])
        XCTAssertEqual(try lines(model + "```predict\nimage: drawn\nlabels: \(badLabel.path)\n```\n"),
                       ["13:9: \(badLabel.path) line 2 has the label '12', but the classes are 0 to 9"])
        XCTAssertEqual(try lines(model + "```predict\nimage: drawn\nlabels: drawn/labels.csv\ncenter: auto\n```\n"), [])
    }

    func testTooManyImagesIsAClearError() {
        XCTAssertEqual(PredictImages.Problem.tooMany(reference: "big", count: 1_200).description,
                       "'big' names 1200 images, over the limit of 1,000 for one predict cell")
    }
}
