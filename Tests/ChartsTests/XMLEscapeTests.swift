import XCTest
@testable import Charts

final class XMLEscapeTests: XCTestCase {
    func testMarkupCharactersBecomeEntities() {
        XCTAssertEqual(XMLEscape.escape("<a href=\"x\">Tom & Jerry's</a>"),
                       "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;")
    }

    func testCharactersXMLForbidsAreDropped() {
        XCTAssertEqual(XMLEscape.escape("a\u{0}b\u{1}c\u{1F}d\u{FFFE}e\u{FFFF}"), "abcde")
        XCTAssertEqual(XMLEscape.escape("tab\tnew\nline"), "tab\tnew\nline")
        XCTAssertEqual(XMLEscape.escape("é 中 🎉 →"), "é 中 🎉 →")
    }

    func testTextTruncationAddsAnEllipsisOnlyWhenNeeded() {
        XCTAssertEqual(TextMetrics.truncated("short", toWidth: 200, fontSize: 12), "short")
        let cut = TextMetrics.truncated("a rather long label for a tiny slot", toWidth: 40, fontSize: 12)
        XCTAssertTrue(cut.hasSuffix("…"))
        XCTAssertLessThanOrEqual(TextMetrics.width(cut, fontSize: 12), 40)
    }
}
