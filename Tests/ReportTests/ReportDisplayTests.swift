import Foundation
import XCTest
import Notebook
@testable import Runner
@testable import Report

/// What authors choose to show: `#|` cell options, the header from front matter, and the title
/// heading that is not repeated.
final class ReportDisplayTests: XCTestCase {
    private func html(_ notebook: String, failingAt failing: Int? = nil, partialOutputs: Bool = false) throws -> String {
        let document = try SampleRuns.document(notebook)
        let record = failing.map { SampleRuns.failed(document, at: $0, partialOutputs: partialOutputs) }
            ?? SampleRuns.successful(document)
        return try SampleRuns.render(record)
    }

    func testEchoFalseHidesTheSource() throws {
        let report = try html("```load\n#| echo: false\ndataset: fashion-mnist\n```\n```save\npath: kept.safetensors\n```\n")
        XCTAssertFalse(report.contains("fashion-mnist"))
        XCTAssertTrue(report.contains("path: kept.safetensors"))
        XCTAssertTrue(report.contains("Loaded mnist"), "the outputs still show")
        XCTAssertEqual(ReportStructure(html: report).cells.map(\.source), ["hidden", "shown"])
    }

    func testOptionLinesAreNotPartOfTheShownSource() throws {
        let report = try html("```save\n#| code-fold: false\n\npath: m.safetensors\n```\n")
        XCTAssertFalse(report.contains("#|"))
        XCTAssertTrue(report.contains("<code>path: m.safetensors\n</code>"))
    }

    func testCodeFoldPutsTheSourceInDetails() throws {
        let report = try html("```save\n#| code-fold: true\npath: m.safetensors\n```\n")
        let folded = try XCTUnwrap(HTMLText.between(report, "<details class=\"cell-fold\">", "</details>"))
        XCTAssertTrue(folded.contains("<summary>Source</summary>"))
        XCTAssertTrue(folded.contains("path: m.safetensors"))
        XCTAssertFalse(report.contains("<details open"), "folded means closed")
    }

    func testOutputFalseHidesOutputsButNotTheError() throws {
        let text = "```load\n#| output: false\ndataset: mnist\n```\n```fit\n#| output: false\nloss: mse\n```\n"
        let ok = ReportStructure(html: try html(text))
        XCTAssertEqual(ok.cells.map(\.outputs), [[], []])
        XCTAssertEqual(ok.cells.map(\.source), ["shown", "shown"])
        let failed = ReportStructure(html: try html(text, failingAt: 2, partialOutputs: true))
        XCTAssertEqual(failed.cells.last?.outputs, [])
        XCTAssertEqual(failed.cells.last?.errors.count, 1)
        XCTAssertTrue(failed.cells.last?.errors.first?.contains("the loss became NaN") == true)
    }

    func testHeaderShowsAuthorDateAndDescription() throws {
        let notebook = "---\ntitle: Digits\nauthor:\n  - Ann <a@b>\n  - Bo\ndate: 2024-05-01\ndescription: A tiny & quick model.\n---\nText.\n"
        let report = try html(notebook)
        let structure = ReportStructure(html: report)
        XCTAssertEqual(structure.title, "Digits")
        XCTAssertEqual(structure.author, "Ann <a@b>, Bo")
        XCTAssertEqual(structure.date, "2024-05-01")
        XCTAssertEqual(structure.summary, "A tiny & quick model.")
        XCTAssertTrue(report.contains("Ann &lt;a@b&gt;"), "front matter text is escaped")
    }

    func testHeaderLeavesOutWhatIsNotGiven() throws {
        let report = try html("# Only a heading\n")
        XCTAssertFalse(report.contains("class=\"run-byline\""))
        XCTAssertFalse(report.contains("class=\"run-description\""))
    }

    func testTitleHeadingIsNotShownTwice() throws {
        let structure = ReportStructure(html: try html("---\ntitle: The *real* title\n---\n# The *real*   title\n\nText.\n\n# The *real* title\n"))
        XCTAssertEqual(structure.title, "The *real* title")
        guard case .prose(let headings)? = structure.entries.first else { return XCTFail("no prose") }
        XCTAssertEqual(headings, ["h1 #the-real-title The real title", "h1 #the-real-title-1 The real title"],
                       "the first heading's text is 'The real title', not the title: kept; the second is not the first")

        let same = ReportStructure(html: try html("---\ntitle: \"Digits: 'first' try \"\n---\n# Digits: 'first' try\n\nText.\n\n# Digits: 'first' try\n"))
        guard case .prose(let kept)? = same.entries.first else { return XCTFail("no prose") }
        XCTAssertEqual(kept, ["h1 #digits-first-try Digits: ‘first’ try"], "only the first, equal heading is dropped")

        let fromHeading = ReportStructure(html: try html("Intro.\n\n# Digits\n\n## Part\n"))
        XCTAssertEqual(fromHeading.title, "Digits")
        guard case .prose(let rest)? = fromHeading.entries.first else { return XCTFail("no prose") }
        XCTAssertEqual(rest, ["h2 #part Part"])
    }

    func testADifferentFirstHeadingStays() throws {
        let structure = ReportStructure(html: try html("---\ntitle: Report\n---\n# Digits\n```evaluate\n```\n# Report\n"))
        let headings = structure.entries.compactMap { entry -> [String]? in
            if case .prose(let headings) = entry { return headings } else { return nil }
        }
        XCTAssertEqual(headings, [["h1 #digits Digits"], ["h1 #report Report"]])
    }
}
