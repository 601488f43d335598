import XCTest
@testable import Notebook

/// The limits that keep cmark-gfm in bounded time (docs/notebook-format.md, Limits): refused at
/// the line and column where they are passed, before cmark sees the text.
final class MarkdownLimitsTests: XCTestCase {
    private let depth = MarkdownLimits.maximumNesting
    private let openers = MarkdownLimits.maximumOpeners

    func testNestingAtTheLimitIsAccepted() {
        XCTAssertNotNil(parsed("# T\n\n" + String(repeating: "- ", count: depth) + "deep\n"))
        XCTAssertNotNil(parsed("# T\n\n" + String(repeating: "> ", count: depth) + "deep\n"))
    }

    func testNestingOneDeeperIsRefusedAtItsMarker() {
        let line = String(repeating: "- ", count: depth + 1) + "deep\n"
        assertSingleError("# T\n\n" + line, line: 3, column: 2 * depth + 1, "nested more than \(depth) deep")
        let quotes = String(repeating: "> ", count: depth / 2) + String(repeating: "1. ", count: depth / 2 + 1) + "x\n"
        assertSingleError("intro\n\n" + quotes, line: 3, column: depth + 3 * (depth / 2) + 1, "nested more than")
    }

    func testNestingBuiltOverSeveralLinesIsCounted() {
        // Each line continues the items above it by indentation and opens one more.
        var text = "# T\n\n"
        for level in 0...depth { text += String(repeating: " ", count: 2 * level) + "- item\n" }
        assertSingleError(text, line: 3 + depth, column: 2 * depth + 1, "nested more than")
    }

    func testAnOrdinaryNotebookIsNotRefused() {
        let text = """
        # Title

        - a
          - b
            1. c
               > quote
               > - inside

        ```text
        - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -
        ```

        [link](x) and ![image](y.png) and [another][ref].
        """
        XCTAssertNotNil(parsed(text))
    }

    func testOpenersInOneParagraphAreCounted() {
        let atLimit = String(repeating: "![[]()", count: openers / 2)
        XCTAssertNotNil(parsed("# T\n\n" + atLimit + "\n"))
        let over = "# T\n\nintro\n" + atLimit + "[x]\n"
        assertSingleError(over, line: 4, column: 6 * (openers / 2) + 1, "more than \(openers) link or image openers")
    }

    func testBlankLinesStartANewCount() {
        let half = String(repeating: "[a](b) ", count: openers / 2 + 1)
        XCTAssertNotNil(parsed("# T\n\n" + half + "\n\n" + half + "\n"))
    }

    func testEachListItemIsItsOwnParagraph() {
        let item = "- " + String(repeating: "[a](b) ", count: openers / 2 + 1) + "\n"
        XCTAssertNotNil(parsed("# T\n\n" + item + item))
        let continued = "  " + String(repeating: "[a](b) ", count: openers / 2 + 1) + "\n"
        assertSingleError("# T\n\n" + item + continued, line: 4, column: 2 + 7 * (openers / 2 - 1) + 1, "link or image openers")
    }

    func testOpenersInsideAFenceAreNotCounted() {
        let many = String(repeating: "[", count: openers * 2)
        XCTAssertNotNil(parsed("# T\n\n```text\n" + many + "\n```\n"))
    }

    func testANotebookOverTheSizeCapIsRefusedWhereItPassesIt() {
        let line = String(repeating: "a", count: 99) + "\n"
        let text = String(repeating: line, count: MarkdownLimits.maximumSize / 100 + 1)
        let found = diagnostics(text)
        XCTAssertEqual(found.count, 1)
        let offset = MarkdownLimits.maximumSize
        assertDiagnostic(found[0], line: offset / 100 + 1, column: offset % 100 + 1, "larger than 256 KB")
    }

    func testAFileOverTheSizeCapIsRefusedWhereItPassesIt() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-limit-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(String(repeating: "abc\n", count: MarkdownLimits.maximumSize / 4 + 10).utf8).write(to: url)
        XCTAssertThrowsError(try NotebookParser.parse(fileAt: url.path)) { error in
            let list = error as? DiagnosticList
            XCTAssertEqual(list?.diagnostics.first?.location.line, MarkdownLimits.maximumSize / 4 + 1)
            XCTAssertTrue(list?.diagnostics.first?.message.contains("larger than 256 KB") == true, "\(error)")
        }
    }
}
