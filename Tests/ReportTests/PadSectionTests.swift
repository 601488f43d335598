import Crypto
import Foundation
import XCTest
import Notebook
@testable import Runner
@testable import Report

/// The "Try the model" section in the rendered report.
final class PadSectionTests: XCTestCase {
    private let model = DrawableModel(
        inputShape: [784], scale: 255, preparation: "digit", classNames: ["zero", "one <b>"],
        layers: [DrawableModel.Layer(kind: "dense", units: 2, activation: "softmax", outputShape: [2], weightCounts: [1568, 2])],
        weights: [Float](repeating: 0.5, count: 1570))

    private func report(_ pad: PadModel?) throws -> String {
        var record = SampleRuns.successful(try SampleRuns.document())
        record.pad = pad
        return try SampleRuns.render(record)
    }

    func testADrawableModelGetsAHiddenPadWithItsDataAndOneScript() throws {
        let html = try report(.drawable(model))
        XCTAssertTrue(html.contains("<section class=\"pad\" id=\"try-the-model\" hidden>"), "hidden until the script reveals it")
        XCTAssertTrue(html.contains("<noscript>"))
        XCTAssertTrue(html.contains("<span class=\"pad-name\">one &lt;b&gt;</span>"), "class names are escaped")
        XCTAssertTrue(html.contains("<script type=\"application/octet-stream\" id=\"folio-pad-weights\">\(model.weightsBase64)</script>"))
        XCTAssertTrue(html.contains("<script type=\"application/json\" id=\"folio-pad-model\">\(try model.architectureJSON())</script>"))
        let executable = html.components(separatedBy: "<script>").count - 1
        XCTAssertEqual(executable, 1, "one executable script: Folio's pad")
        XCTAssertTrue(html.contains("<script>\(PadScript.source)</script>"))
        XCTAssertTrue(html.contains("script-src 'sha256-\(PadScript.sha256.dropFirst("sha256-".count))'"),
                      "the report's policy allows the pad's script by its hash")
        XCTAssertFalse(html.contains("no scripts"), "the footer no longer promises no scripts")
    }

    func testTheScriptHashIsTheSHA256OfWhatTheReportEmbeds() throws {
        let digest = Data(SHA256.hash(data: Data(BuiltInScript.pad.utf8))).base64EncodedString()
        XCTAssertEqual(PadScript.sha256, "sha256-" + digest)
        XCTAssertEqual(PadScript.sha256.count, "sha256-".count + 44)
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates/pad.js")
        XCTAssertEqual(PadScript.source + "\n", try String(contentsOf: file, encoding: .utf8),
                       "run scripts/embed-templates.sh after editing templates/pad.js")
    }

    func testWithSeveralModelsThePadNamesTheOneItRuns() throws {
        func record(_ name: String) throws -> ModelRecord {
            try JSONDecoder().decode(ModelRecord.self, from: Data(#"{"name": "\#(name)", "layers": "dense 2", "parameters": 1570, "fitSeconds": 0}"#.utf8))
        }
        var run = SampleRuns.successful(try SampleRuns.document())
        run.pad = .drawable(model)
        run.models = [try record("tiny")]
        XCTAssertTrue(try SampleRuns.render(run).contains("and runs this run's trained model on it as you draw."), "one model: no name")
        run.models.append(try record("cnn <3>"))
        XCTAssertTrue(try SampleRuns.render(run).contains("and runs the run's last model, <strong>cnn &lt;3&gt;</strong>, on it as you draw."))
    }

    func testAReportWithoutAPadHasNoScriptAtAll() throws {
        let html = try report(nil)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("try-the-model"))
        XCTAssertTrue(html.contains("no scripts"))
    }

    func testAModelTooLargeToEmbedGetsAOneLineNoteAndNoScript() throws {
        let html = try report(.tooLarge(weightBytes: 1_272_040))
        XCTAssertTrue(html.contains("<p class=\"pad-note\">No drawing pad for this model: its weights take 1.3 MB, more than the 1 MB a report embeds.</p>"))
        XCTAssertFalse(html.contains("<script"))
    }
}
