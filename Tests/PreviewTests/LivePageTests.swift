import Foundation
import Notebook
import Report
import XCTest
@testable import Preview

/// The preview page: its policy and script, and the pages shown instead of a report.
final class LivePageTests: XCTestCase {
    func testThePolicyGoesFirstInTheHeadAndTheScriptLastInTheBody() {
        let page = LivePage.inserting(into: "<html><head><title>t</title></head><body><p>x</p></body></html>", generation: 7)
        let policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
            + "font-src data:; style-src 'unsafe-inline'; script-src \(LivePage.scriptHash); connect-src 'self'\">"
        XCTAssertTrue(page.hasPrefix("<html><head>\n" + policy + "\n<meta name=\"folio-preview-generation\" content=\"7\"><title>"))
        XCTAssertTrue(page.hasSuffix("<p>x</p><script>\(LivePage.script)</script>\n</body></html>"))
        XCTAssertEqual(page.components(separatedBy: "<script>").count, 2)
    }

    func testAReportPageKeepsItsOwnPolicyExtendedByTheScript() {
        let reportScript = "console.log(1)"
        let policy = LivePage.policy(extending: ContentSecurityPolicy(inlineScripts: [reportScript]))
        XCTAssertEqual(policy.content, "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; "
            + "script-src \(ContentSecurityPolicy.hashSource(of: reportScript)) \(LivePage.scriptHash); connect-src 'self'")
        let page = LivePage.addingGeneration(to: "<html><head>\(policy.meta)</head><body></body></html>", generation: 3)
        XCTAssertEqual(page, "<html><head>\(policy.meta)<meta name=\"folio-preview-generation\" content=\"3\">\n</head><body></body></html>")
    }

    func testTheScriptHashIsABase64SHA256() {
        XCTAssertTrue(LivePage.scriptHash.hasPrefix("'sha256-"))
        XCTAssertEqual(LivePage.scriptHash.count, "'sha256-".count + 44 + 1)
        XCTAssertTrue(LivePage.scriptHash.hasSuffix("='"))
    }

    func testAPageWithoutHeadOrBodyStillGetsBoth() {
        let page = LivePage.inserting(into: "<p>bare</p>", generation: 1)
        XCTAssertTrue(page.hasPrefix("\n<meta http-equiv=\"Content-Security-Policy\""))
        XCTAssertTrue(page.hasSuffix("<p>bare</p><script>\(LivePage.script)</script>\n"))
    }

    func testDiagnosticsShowWhereWhatAndHowToFixEscaped() {
        let diagnostics = [
            Diagnostic(at: SourceLocation(file: "nb.md", line: 12, column: 9), "unknown fit option '<epoch>'",
                       hint: "did you mean 'epochs' & not <script>?"),
            Diagnostic(.note, at: SourceLocation(file: "nb.md", line: 2, column: 1), "front matter key 'tags' is not used"),
        ]
        let page = PlainPage.diagnostics(diagnostics, notebook: "nb<1>.md")
        XCTAssertTrue(page.contains("<h1>1 error in nb&lt;1&gt;.md; nothing was run.</h1>"))
        XCTAssertTrue(page.contains("<li class=\"error\"><code>nb.md:12:9</code> <strong>error</strong>: "
            + "unknown fit option &#39;&lt;epoch&gt;&#39;<div class=\"hint\">hint: did you mean &#39;epochs&#39; &amp; not &lt;script&gt;?</div></li>"))
        XCTAssertTrue(page.contains("<li class=\"note\"><code>nb.md:2:1</code> <strong>note</strong>: front matter key &#39;tags&#39; is not used</li>"))
        XCTAssertFalse(page.contains("<script>"))
    }

    func testEventsAreWrittenInTheEventStreamFormat() {
        XCTAssertEqual(ServerSentEvent.reload(generation: 3).encoded, "event: reload\ndata: 3\n\n")
        XCTAssertEqual(ServerSentEvent.status("a\nb").encoded, "event: status\ndata: a\ndata: b\n\n")
        XCTAssertEqual(ServerSentEvent.status("").encoded, "event: status\ndata: \n\n")
    }
}
