import Foundation
import XCTest

/// End-to-end: the `folio` binary on small committed MNIST fixtures.
final class RunCommandTests: XCTestCase {
    /// The example notebook of README.md and docs/notebook-format.md, verbatim (it must run exactly as written).
    static let architectureExample: String = {
        let url = FolioProcess.repository.appendingPathComponent("Tests/Fixtures/architecture-example.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    private func workspaceWithExample() throws -> URL {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write(Self.architectureExample, to: "nb/example.md", in: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nb/images"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: FolioProcess.repository.appendingPathComponent("notebooks/images/seven.png"),
                                         to: folder.appendingPathComponent("nb/images/seven.png"))
        return folder
    }

    func testArchitectureExampleRunsAndWritesReportAndJSON() throws {
        let folder = try workspaceWithExample()
        let outcome = try FolioProcess.run(["run", "nb/example.md", "--json", "run.json"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("output/nb/example.html"), outcome.stdout)
        XCTAssertTrue(outcome.stderr.contains("Epoch 10/10"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("val_accuracy:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("      Predicted class: "), outcome.stderr)

        let html = try String(contentsOf: folder.appendingPathComponent("output/nb/example.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<h1>Handwritten digits with a tiny MLP</h1>"))
        XCTAssertEqual(html.components(separatedBy: "<section class=\"cell status-ok\"").count - 1, 7)
        XCTAssertTrue(html.contains("Loss per epoch"))
        XCTAssertTrue(html.contains("Accuracy per epoch"))
        XCTAssertFalse(html.contains("Confusion matrix"), "evaluate shows scores; the matrix belongs to `plot: confusion_matrix`")
        XCTAssertTrue(html.contains("Predicted class:"))
        for fetch in ["src=\"http", "href=\"http", "url(", "@import", "<link"] {
            XCTAssertFalse(html.contains(fetch), "a report must not fetch anything (\(fetch))")
        }
        // One executable script, the drawing pad's (the model takes a 28×28 image), allowed by its hash.
        XCTAssertEqual(html.components(separatedBy: "<script>").count - 1, 1)
        XCTAssertTrue(html.contains("id=\"try-the-model\""))
        XCTAssertTrue(html.contains("script-src 'sha256-"))

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("run.json")))
        let record = try XCTUnwrap(json as? [String: Any])
        let cells = try XCTUnwrap(record["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { $0["directive"] as? String },
                       ["load", "preprocess", "build", "fit", "evaluate", "plot", "predict"])
        XCTAssertEqual(cells.map { $0["index"] as? Int }, Array(1...7))
        XCTAssertTrue(cells.allSatisfy { $0["status"] as? String == "ok" })
        let history = try XCTUnwrap(record["history"] as? [String: [Double]])
        XCTAssertEqual(history["loss"]?.count, 10)
        XCTAssertEqual(history["val_accuracy"]?.count, 10)
        let evaluate = try XCTUnwrap(record["evaluate"] as? [String: Double])
        XCTAssertGreaterThan(evaluate["accuracy"] ?? 0, 0.2, "even 1000 samples teach it something")
        let predictions = try XCTUnwrap(record["predictions"] as? [[String: Any]])
        XCTAssertEqual(predictions.first?["image"] as? String, "images/seven.png")
        let probabilities = try XCTUnwrap(predictions.first?["probabilities"] as? [Double])
        XCTAssertEqual(probabilities.count, 10)
        XCTAssertEqual(probabilities.reduce(0, +), 1, accuracy: 1e-4)
    }

    func testSameSeedGivesIdenticalNumbers() throws {
        let folder = try workspaceWithExample()
        let first = try FolioProcess.run(["run", "nb/example.md", "--json", "a.json", "-q"], in: folder)
        let second = try FolioProcess.run(["run", "nb/example.md", "--json", "b.json", "-q"], in: folder)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(second.status, 0, second.stderr)
        let a = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("a.json"))) as? [String: Any]
        let b = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("b.json"))) as? [String: Any]
        XCTAssertEqual(a?["history"] as? [String: [Double]], b?["history"] as? [String: [Double]])
        XCTAssertEqual(a?["evaluate"] as? [String: Double], b?["evaluate"] as? [String: Double])
    }

    func testCheckAcceptsTheExampleWithoutRunning() throws {
        let folder = try workspaceWithExample()
        let outcome = try FolioProcess.run(["check", "nb/example.md"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("7 cells"), outcome.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output").path))
    }

    func testOutputOptionAndCustomTemplate() throws {
        let folder = try workspaceWithExample()
        _ = try FolioProcess.write("<html><head></head><body>{{title}}|{{summary.ok}}</body></html>", to: "tpl/report.mustache", in: folder)
        _ = try FolioProcess.write("body{}", to: "tpl/report.css", in: folder)
        let outcome = try FolioProcess.run(["run", "nb/example.md", "-o", "elsewhere/r.html", "--template-dir", "tpl", "-q"],
                                           in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let html = try String(contentsOf: folder.appendingPathComponent("elsewhere/r.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("</head><body>Handwritten digits with a tiny MLP|7<script>"), html)
        XCTAssertTrue(html.hasSuffix("</script>\n</body></html>"), "Folio's pad script goes before </body>: \(html.suffix(200))")
        XCTAssertTrue(html.hasPrefix("<html><head>\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "),
                      "the renderer puts the policy first in the template's <head>: \(html)")
        XCTAssertTrue(html.contains("\n<meta name=\"folio-source\" content=\""), "and records the notebook even so")
    }

    func testATemplateWithoutHeadIsRefusedBeforeAnythingRuns() throws {
        let folder = try workspaceWithExample()
        _ = try FolioProcess.write("<html><body>{{title}}</body></html>", to: "tpl/report.mustache", in: folder)
        _ = try FolioProcess.write("body{}", to: "tpl/report.css", in: folder)
        let outcome = try FolioProcess.run(["run", "nb/example.md", "-o", "r.html", "--template-dir", "tpl"], in: folder)
        XCTAssertEqual(outcome.status, 2, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("tpl/report.mustache has no <head> element; Folio puts the report's Content-Security-Policy"),
                      outcome.stderr)
        XCTAssertFalse(outcome.stdout.contains("[1/"), "nothing ran")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.html").path))
    }

    func testATemplatesFolderInTheCurrentFolderIsNotPickedUp() throws {
        let folder = try workspaceWithExample()
        _ = try FolioProcess.write("<html><body>IMPLICIT TEMPLATE</body></html>", to: "templates/report.mustache", in: folder)
        _ = try FolioProcess.write("body{}", to: "templates/report.css", in: folder)
        let outcome = try FolioProcess.run(["run", "nb/example.md", "-o", "r.html", "-q"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let html = try String(contentsOf: folder.appendingPathComponent("r.html"), encoding: .utf8)
        XCTAssertFalse(html.contains("IMPLICIT TEMPLATE"), "only --template-dir chooses a template")
        XCTAssertTrue(html.contains("Handwritten digits with a tiny MLP"))
    }
}
