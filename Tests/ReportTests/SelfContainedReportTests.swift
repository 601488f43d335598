import Foundation
import XCTest
import Notebook
@testable import Runner
@testable import Report

/// A report is one file that fetches nothing: prose images are embedded, remote ones become links,
/// links to notebooks point at their reports, and output text shows its backtick spans as code.
final class SelfContainedReportTests: XCTestCase {
    private static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]

    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
        try Data(Self.png).write(to: folder.appendingPathComponent("images/x.png"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func render(_ text: String) throws -> String {
        let document = try NotebookParser.parse(source: text, path: folder.appendingPathComponent("nb.md").path)
        let record = NotebookRunner(environment: [:]).run(document)
        return try ReportRenderer(version: "test").render(record, generated: Date(timeIntervalSince1970: 0))
    }

    func testALocalImageIsEmbeddedAsADataURI() throws {
        let html = try render("# T\n\nA digit: ![a digit](images/x.png \"Seven\")\n\n> ![quoted](\(folder.path)/images/x.png)\n")
        let uri = "data:image/png;base64," + Data(Self.png).base64EncodedString()
        XCTAssertTrue(html.contains("<img src=\"\(uri)\" alt=\"a digit\" title=\"Seven\" />"), html)
        XCTAssertTrue(html.contains("<img src=\"\(uri)\" alt=\"quoted\" />"), "absolute paths are embedded too")
        XCTAssertFalse(html.contains("images/x.png"))
        XCTAssertFalse(html.contains(folder.path), "the notebook's folder never shows")
    }

    func testARemoteImageIsALinkWithANoteAndNeverASource() throws {
        let html = try render("""
        # T

        See ![the curve](https://example.org/curve.png) and ![](http://example.org/a.png).
        A linked one: [![badge](https://example.org/b.svg)](https://example.org/) and ![odd](//cdn.example.org/c.png).
        """)
        XCTAssertTrue(html.contains("<a href=\"https://example.org/curve.png\">the curve</a> (remote image, not embedded: https://example.org/curve.png)"), html)
        XCTAssertTrue(html.contains("<a href=\"http://example.org/a.png\">http://example.org/a.png</a> (remote image, not embedded: http://example.org/a.png)"), html)
        XCTAssertTrue(html.contains("<a href=\"https://example.org/\">badge (remote image, not embedded: https://example.org/b.svg)</a>"),
                      "no link inside a link: \(html)")
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("src=\"http"))
        XCTAssertFalse(html.contains("src=\"//"))
    }

    func testAnImageThatCannotBeEmbeddedAtRenderTimeIsItsAltTextAndANote() throws {
        let html = try render("# T\n\n![gone](images/gone.png) ![file](file:///etc/x.png)\n")
        XCTAssertTrue(html.contains("gone (image not embedded: images/gone.png)"), html)
        XCTAssertTrue(html.contains("file (image not embedded: file:///etc/x.png)"), html)
        XCTAssertFalse(html.contains("<img"))
    }

    func testLinksToNotebooksPointAtTheirReports() throws {
        let html = try render("""
        # T

        [next](other.md), [part](sub/lesson.md#part), [query](a.MD?x=1), [web](https://example.org/readme.md),
        [abs](/srv/notes.md), [plain](notes.txt), [here](#top).
        """)
        XCTAssertTrue(html.contains("<a href=\"other.html\">next</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"sub/lesson.html#part\">part</a>"))
        XCTAssertTrue(html.contains("<a href=\"a.html?x=1\">query</a>"))
        XCTAssertTrue(html.contains("<a href=\"https://example.org/readme.md\">web</a>"), "absolute URLs are untouched")
        XCTAssertTrue(html.contains("<a href=\"/srv/notes.md\">abs</a>"))
        XCTAssertTrue(html.contains("<a href=\"notes.txt\">plain</a>"))
        XCTAssertTrue(html.contains("<a href=\"#top\">here</a>"))
    }

    func testBackticksInOutputTextAreInlineCode() {
        XCTAssertEqual(InlineCode.html("Load it again with `load` and `model: m.safetensors`."),
                       "Load it again with <code>load</code> and <code>model: m.safetensors</code>.")
        XCTAssertEqual(InlineCode.html("<b> & `a<b>` ``x ` y`` ` alone"),
                       "&lt;b&gt; &amp; <code>a&lt;b&gt;</code> <code>x ` y</code> ` alone")
        XCTAssertEqual(InlineCode.html("`` ` ``"), "<code>`</code>")
        let view = ReportView.OutputView(Output.text("Use `summary` <now>"))
        XCTAssertEqual(view.textHTML, "Use <code>summary</code> &lt;now&gt;")
        XCTAssertEqual(view.text, "Use `summary` <now>")
    }

    func testOutputTextIsRenderedWithCodeInTheReport() throws {
        let document = try NotebookParser.parse(source: "# T\n\n```summary\n```\n", path: "nb.md")
        guard let cell = document.cells.first else { return XCTFail("no cell") }
        let record = RunRecord(document: document, results: [CellResult(cell: cell, status: .ok, outputs: [.text("Try `save` <here>.")])],
                               history: nil, evaluation: nil, predictions: [], seconds: 0)
        let html = try ReportRenderer(version: "test").render(record, generated: Date(timeIntervalSince1970: 0))
        XCTAssertTrue(html.contains("<p class=\"output-text\">Try <code>save</code> &lt;here&gt;.</p>"), html)
    }

    func testAnAbsoluteNotebookPathShowsAsItsFileName() throws {
        let html = try render("# T\n\n```summary\n```\n")
        XCTAssertFalse(html.contains(folder.path), html)
        XCTAssertTrue(html.contains("nb.md:3:1"), "the error's location names the notebook by its file name")
    }
}
