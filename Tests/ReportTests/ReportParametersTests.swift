import Foundation
import XCTest
import Notebook
import Runner
@testable import Report

/// The report's parameters table, and parameter values in prose: shown as written, escaped.
final class ReportParametersTests: XCTestCase {
    private func html(_ arguments: [String]) throws -> String {
        let text = SampleRuns.withParameters + "\nNote: {{ note }}, epochs {{ epochs }}.\n"
        let document = try NotebookParser.parse(source: text, path: "nb.md", parameters: ParameterOverrides(arguments: arguments))
        return try ReportRenderer(version: "test").render(SampleRuns.successful(document), generated: Date(timeIntervalSince1970: 0))
    }

    func testTheTableListsEachParameterWithItsValueAndSource() throws {
        let report = try html(["epochs=3"])
        XCTAssertTrue(report.contains("""
            <tbody><tr><td><code>epochs</code></td><td><code>3</code></td><td>-p</td></tr>\
            <tr><td><code>note</code></td><td><code>a &lt;b&gt; &amp; c</code></td><td>default</td></tr></tbody>
            """), report)
        XCTAssertTrue(report.contains("<caption>Parameters</caption>"))
        XCTAssertTrue(report.contains("<p>Note: a &lt;b&gt; &amp; c, epochs 3.</p>"), "prose shows values as written, never as HTML")
        XCTAssertTrue(report.contains("epochs: 3\n</code></pre>"), "the fit cell's source shows the value it ran with")
        XCTAssertLessThan(try XCTUnwrap(report.range(of: "run-params\">")).lowerBound,
                          try XCTUnwrap(report.range(of: "<main>")).lowerBound, "the table is in the header")
    }

    func testNoTableWithoutParameters() throws {
        let document = try SampleRuns.document()
        let report = try ReportRenderer(version: "test").render(SampleRuns.successful(document), generated: Date(timeIntervalSince1970: 0))
        XCTAssertFalse(report.contains("run-params\">"))
    }
}
