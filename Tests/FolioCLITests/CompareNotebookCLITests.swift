import Foundation
import XCTest

/// `notebooks/compare.md` as written, on the small MNIST fixture: three models overlaid and listed.
final class CompareNotebookCLITests: XCTestCase {
    func testCompareWalkthroughOverlaysThreeModelsAndListsTheirAccuracies() throws {
        let folder = try FolioProcess.makeWorkspace()
        let text = try String(contentsOf: FolioProcess.repository.appendingPathComponent("notebooks/compare.md"), encoding: .utf8)
        _ = try FolioProcess.write(text, to: "nb/compare.md", in: folder)
        let outcome = try FolioProcess.run(["check", "nb/compare.md"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let run = try FolioProcess.run(["run", "nb/compare.md", "-p", "epochs=1", "--json", "run.json"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)

        let html = try String(contentsOf: folder.appendingPathComponent("output/nb/compare.html"), encoding: .utf8)
        for caption in ["Loss", "Accuracy", "Validation loss", "Validation accuracy"] {
            XCTAssertTrue(html.contains("\(caption) of tiny-mlp, wide-mlp and cnn after each epoch"), caption)
        }
        XCTAssertTrue(html.contains("The models compared"))
        for name in ["tiny-mlp", "wide-mlp", "cnn"] {
            XCTAssertTrue(html.contains(">\(name)</text>"), "the legends name \(name)")
        }

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("run.json")))
        let models = try XCTUnwrap((json as? [String: Any])?["models"] as? [[String: Any]])
        XCTAssertEqual(models.map { $0["name"] as? String }, ["tiny-mlp", "wide-mlp", "cnn"])
        XCTAssertEqual(models.map { $0["parameters"] as? Int }, [7_850, 101_770, 34_826])
        for model in models {
            let accuracy = try XCTUnwrap((model["evaluate"] as? [String: Double])?["accuracy"])
            XCTAssertGreaterThan(accuracy, 0.1, "\(model["name"] ?? "")")
            XCTAssertEqual((model["history"] as? [String: [Double]])?["loss"]?.count, 1)
        }
    }
}
