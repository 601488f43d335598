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
}
