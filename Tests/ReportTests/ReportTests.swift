import Foundation
import XCTest
import Notebook
import Runner
@testable import Report

/// The report: escaping of everything a notebook supplies, the template, atomic writing.
final class ReportTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func render(_ text: String, path: String = "/tmp/nb.md") throws -> String {
        let document = try NotebookParser.parse(source: text, path: path)
        let record = NotebookRunner(environment: [:]).run(document)
        return try ReportRenderer(version: "test").render(record, generated: Date(timeIntervalSince1970: 0))
    }

    func testNotebookStringsAreEscapedAndRawHTMLIsDropped() throws {
        let html = try render("""
        ---
        title: "<script>alert(1)</script>"
        ---
        Prose with <script>alert(2)</script> and <b onclick="x()">bold</b> and [link](javascript:alert(3)).

        ```plot
        loss
        ```

        """)
        XCTAssertFalse(html.contains("<script"), "raw HTML tags are dropped; their text stays as harmless text")
        XCTAssertFalse(html.contains("<b "))
        XCTAssertFalse(html.contains("onclick"))
        XCTAssertFalse(html.contains("javascript:"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    func testCellSourceAndErrorsAreShownEscaped() throws {
        let html = try render("# Title\n\n```predict\nimage: </code><img src=x>.png\n```\n")
        XCTAssertTrue(html.contains("&lt;/code&gt;&lt;img src=x&gt;.png"))
        XCTAssertFalse(html.contains("<img src=x>"))
        XCTAssertTrue(html.contains("status-error"))
        XCTAssertTrue(html.contains("needs a model"))
    }

    func testProseKeepsGitHubMarkdown() throws {
        let html = try render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ and https://example.org\n\n- [x] done\n")
        XCTAssertTrue(html.contains("<table>"))
        XCTAssertTrue(html.contains("<del>gone</del>"))
        XCTAssertTrue(html.contains("<a href=\"https://example.org\">"))
        XCTAssertTrue(html.contains("checkbox"))
    }

    func testTitleFallsBackToTheFileName() throws {
        let html = try render("no heading here\n", path: "/tmp/my-notes.md")
        XCTAssertTrue(html.contains("<title>my-notes — Folio report</title>"))
    }

    func testBuiltInTemplateIsTheRepositoryTemplate() throws {
        let folder = Self.repository.appendingPathComponent("templates")
        let files = try ReportTemplate.load(from: folder)
        XCTAssertEqual(ReportTemplate.builtIn.mustache + "\n", files.mustache,
                       "run scripts/embed-templates.sh after editing templates/")
        XCTAssertEqual(ReportTemplate.builtIn.css + "\n", files.css, "run scripts/embed-templates.sh after editing templates/")
    }

    func testInvalidTemplateIsAClearError() {
        let template = ReportTemplate(mustache: "{{#open}} never closed", css: "")
        XCTAssertThrowsError(try template.compiled()) { error in
            XCTAssertTrue(String(describing: error).contains("not valid Mustache"))
        }
        XCTAssertThrowsError(try ReportTemplate.load(from: URL(fileURLWithPath: "/nonexistent"))) { error in
            XCTAssertTrue(String(describing: error).contains("cannot read"))
        }
    }
}
