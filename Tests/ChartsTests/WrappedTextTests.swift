import XCTest
@testable import Charts

final class WrappedTextTests: XCTestCase {
    func testAShortLabelStaysOnOneLine() {
        let wrapped = WrappedText("Bag", width: 54, fontSize: 12)
        XCTAssertEqual(wrapped.lines, ["Bag"])
        XCTAssertFalse(wrapped.truncated)
    }

    func testClassNamesWrapAtSpacesAndSlashesBeforeBeingCut() {
        XCTAssertEqual(WrappedText("Ankle boot", width: 54, fontSize: 12).lines, ["Ankle", "boot"])
        XCTAssertEqual(WrappedText("T-shirt/top", width: 54, fontSize: 12).lines, ["T-shirt/", "top"])
        XCTAssertFalse(WrappedText("Ankle boot", width: 54, fontSize: 12).truncated)
        for line in WrappedText("T-shirt/top", width: 54, fontSize: 12).lines {
            XCTAssertLessThanOrEqual(TextMetrics.width(line, fontSize: 12), 54)
        }
    }

    func testTextBeyondTheLastLineOrAWordTooWideIsTruncated() {
        let long = WrappedText("a class with a very long descriptive name", width: 60, fontSize: 12)
        XCTAssertEqual(long.lines.count, 2)
        XCTAssertTrue(long.lines[1].hasSuffix("…"))
        XCTAssertTrue(long.truncated)
        let word = WrappedText("Supercalifragilistic", width: 40, fontSize: 12)
        XCTAssertEqual(word.lines.count, 1)
        XCTAssertTrue(word.lines[0].hasSuffix("…"))
        XCTAssertTrue(word.truncated)
        XCTAssertEqual(WrappedText("Ankle boot", width: 54, fontSize: 12, maxLines: 1).lines, ["Ankle b…"])
    }

    func testEmptyTextAndOddSpacing() {
        XCTAssertEqual(WrappedText("", width: 40, fontSize: 12).lines, [""])
        XCTAssertEqual(WrappedText("Ankle   boot ", width: 54, fontSize: 12).lines, ["Ankle", "boot"])
    }

    func testWrappedLinesAreDrawnAsTspansOfOneText() {
        var svg = SVGWriter()
        svg.text(lines: ["Ankle", "boot"], x: 10, y: 20, size: 12, anchor: "middle", middle: true)
        svg.text(lines: ["Bag"], x: 10, y: 40, size: 12)
        let parsed = ParsedSVG.parse("<svg>" + svg.markup + "</svg>")
        XCTAssertEqual(parsed.all("text").count, 2)
        XCTAssertEqual(parsed.all("tspan").map(\.text), ["Ankle", "boot"])
        XCTAssertEqual(parsed.all("tspan").map { $0.attributes["x"] }, ["10", "10"])
        XCTAssertEqual(parsed.all("text").last?.text, "Bag")
    }
}
