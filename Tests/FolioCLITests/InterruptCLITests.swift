import Foundation
import XCTest

/// Ctrl-C and SIGTERM during a long `fit`: the run stops at the end of the batch, writes the complete
/// report marked interrupted, and exits 130 / 143 within a second; a second Ctrl-C quits at once.
final class InterruptCLITests: XCTestCase {
    private let longFit = """
    ```load
    dataset: mnist
    ```
    ```build
    flatten input=28x28
    dense 32 relu
    dense 10 softmax
    ```
    ```fit
    loss: sparse_categorical_crossentropy
    epochs: 100
    ```
    ```evaluate
    ```

    """

    func testSignalsStopTheFitWriteTheReportAndExitWithTheShellsStatus() throws {
        for (signal, status, name) in [(SIGINT, Int32(130), "Ctrl-C"), (SIGTERM, Int32(143), "SIGTERM")] {
            let folder = try FolioProcess.makeWorkspace()
            _ = try FolioProcess.write(longFit, to: "nb.md", in: folder)
            // "Epoch 2/100" is printed when epoch 1 has finished.
            let outcome = try SignalledRun.run(["run", "nb.md", "--json", "output/nb.json"], in: folder,
                                               trigger: "Epoch 2/100", signals: [signal])
            XCTAssertEqual(outcome.status, status, outcome.stderr)
            XCTAssertLessThan(outcome.secondsAfterSignal, 1.0, "exit within a second of the signal")
            XCTAssertTrue(outcome.stderr.contains("folio: Interrupted by \(name) during epoch "), outcome.stderr)

            let report = try String(contentsOf: folder.appendingPathComponent("output/nb.html"), encoding: .utf8)
            XCTAssertTrue(report.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</html>"), "a complete report")
            XCTAssertTrue(report.contains("<section class=\"cell status-interrupted\" id=\"cell-3\">"), "the fit cell")
            XCTAssertTrue(report.contains("<strong>The run was interrupted.</strong>"))
            XCTAssertTrue(report.contains("Interrupted by \(name) during epoch "))
            XCTAssertTrue(report.contains("<caption>Training history</caption>"), "the finished epochs")
            XCTAssertTrue(report.contains("<section class=\"cell status-not-run\" id=\"cell-4\">"))

            let data = try Data(contentsOf: folder.appendingPathComponent("output/nb.json"))
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            XCTAssertEqual(json["status"] as? String, "interrupted")
            let cells = try XCTUnwrap(json["cells"] as? [[String: Any]])
            XCTAssertEqual(cells.map { $0["status"] as? String }, ["ok", "ok", "interrupted", "not_run"])
            let loss = try XCTUnwrap((json["history"] as? [String: Any])?["loss"] as? [Double])
            XCTAssertGreaterThanOrEqual(loss.count, 1, "at least the first epoch finished")
            XCTAssertLessThan(loss.count, 100)
            let message = try XCTUnwrap(cells[2]["interruption"] as? String)
            XCTAssertTrue(message.hasPrefix("Interrupted by \(name) during epoch \(loss.count + 1) of 100"), message)
        }
    }

    /// The first Ctrl-C comes during a batch that takes seconds; the second quits before it ends.
    func testASecondCtrlCQuitsAtOnceWritingNothing() throws {
        let folder = try FolioProcess.makeWorkspace()
        let slowBatches = longFit.replacingOccurrences(of: "dense 32 relu", with: "dense 4096 relu\ndense 4096 relu")
            .replacingOccurrences(of: "epochs: 100", with: "epochs: 100\nbatch_size: 1000")
        _ = try FolioProcess.write(slowBatches, to: "nb.md", in: folder)
        let earlierText = "<meta name=\"generator\" content=\"Folio 0.0.9\"> an earlier report"
        let earlier = try FolioProcess.write(earlierText, to: "output/nb.html", in: folder)
        let outcome = try SignalledRun.run(["run", "nb.md", "--json", "output/nb.json"], in: folder,
                                           trigger: "Epoch 1/100", signals: [SIGINT, SIGINT], gap: 0.3)
        XCTAssertEqual(outcome.status, 130, outcome.stderr)
        XCTAssertLessThan(outcome.secondsAfterSignal, 0.5, "the second Ctrl-C does not wait for the batch")
        XCTAssertTrue(outcome.stderr.contains("Ctrl-C again quits at once"), outcome.stderr)
        XCTAssertEqual(try String(contentsOf: earlier, encoding: .utf8), earlierText)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/nb.json").path))
    }
}
