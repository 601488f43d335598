import XCTest
import Notebook
@testable import Runner
@testable import Report

/// Golden files of the report's structure (Golden/*.txt): what each cell shows, read back from
/// the rendered HTML. Rewrite them with `FOLIO_UPDATE_GOLDEN=1 swift test --filter ReportStructureTests`.
final class ReportStructureTests: XCTestCase {
    func testSuccessfulRun() throws {
        let html = try SampleRuns.render(SampleRuns.successful(try SampleRuns.document()))
        let structure = ReportStructure(html: html)
        XCTAssertEqual(structure.cells.map(\.status), Array(repeating: "ok", count: 8))
        XCTAssertFalse(html.contains("class=\"cell-error\""))
        XCTAssertNil(structure.runError)
        Golden.assertMatches(structure.description, "successful-run.txt")
    }

    func testFailureInTheFourthCellShowsOnlyThere() throws {
        let html = try SampleRuns.render(SampleRuns.failed(try SampleRuns.document(), at: 4))
        let structure = ReportStructure(html: html)
        XCTAssertEqual(html.components(separatedBy: "class=\"cell-error\"").count - 1, 1, "exactly one cell error")
        XCTAssertEqual(structure.cells.map(\.status), ["ok", "ok", "ok", "failed", "not run", "not run", "not run", "not run"])
        XCTAssertEqual(structure.cells.map(\.errors.count), [0, 0, 0, 1, 0, 0, 0, 0])
        XCTAssertEqual(structure.cells.dropFirst(4).map(\.outputs), [[], [], [], []])
        XCTAssertNotNil(structure.runError)
        Golden.assertMatches(structure.description, "failed-fourth-cell.txt")
    }

    func testAnInterruptedCellShowsItsBannerAndWhatItFinished() throws {
        let html = try SampleRuns.render(SampleRuns.interrupted(try SampleRuns.document(), at: 4))
        let structure = ReportStructure(html: html)
        XCTAssertEqual(structure.cells.map(\.status), ["ok", "ok", "ok", "interrupted", "not run", "not run", "not run", "not run"])
        XCTAssertEqual(structure.cells[3].outputs.count, 2, "the epochs it finished")
        XCTAssertNil(structure.runError)
        XCTAssertTrue(html.contains("""
            <aside class="run-interrupted" role="alert">
              <strong>The run was interrupted.</strong>
              <a href="#cell-4">[4] fit, line 27</a>: Interrupted by Ctrl-C during epoch 2 of 2 (after batch 3 of 10).
            </aside>
            """), html)
        XCTAssertTrue(html.contains("<div class=\"cell-interrupted\" role=\"status\"><p>Interrupted by Ctrl-C during epoch 2 of 2 (after batch 3 of 10).</p></div>"))
        XCTAssertTrue(html.contains("<p class=\"cell-skip-note\">Not run: it needs the model.</p>"))
        XCTAssertTrue(html.contains("3 ok · <span class=\"warn\">1 interrupted</span> · 4 not run"))
    }

    func testSeveralFailuresAreAllListedInTheBanner() throws {
        var record = SampleRuns.interrupted(try SampleRuns.document(), at: 9, failing: 2)
        record.interruption = nil
        let failed = SampleRuns.failed(try SampleRuns.document(), at: 4)
        record.results[3] = failed.results[3]
        let html = try SampleRuns.render(record)
        XCTAssertTrue(html.contains("<strong>2 cells failed.</strong>"), html)
        XCTAssertEqual(html.components(separatedBy: "<p class=\"run-error-item\">").count - 1, 2)
        XCTAssertEqual(html.components(separatedBy: "class=\"cell-error\"").count - 1, 2)
    }
}
