import XCTest
@testable import Charts

/// Chart text must never render under 9 CSS px: every chart says, in a CSS `min-width`, how narrow
/// it may be drawn; at that width its smallest `font-size` (in viewBox units) is still 9 px.
final class ReadabilityTests: XCTestCase {
    private let fashion = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                           "Bag", "Ankle boot"]

    func testMinimumDisplayWidthScalesTheSmallestTextToNinePixels() {
        XCTAssertEqual(Readability.minimumDisplayWidth(width: 640, smallestFontSize: 11), 524)
        XCTAssertEqual(Readability.minimumDisplayWidth(width: 300, smallestFontSize: 9), 300)
        XCTAssertNil(Readability.minimumDisplayWidth(width: 640, smallestFontSize: nil))
        XCTAssertNil(Readability.minimumDisplayWidth(width: 640, smallestFontSize: 0))
        XCTAssertNil(Readability.minimumDisplayWidth(width: .nan, smallestFontSize: 11))
    }

    func testTheWriterRemembersItsSmallestText() {
        var svg = SVGWriter()
        XCTAssertNil(svg.smallestFontSize)
        svg.text("a", x: 0, y: 0, size: 12)
        svg.text(lines: ["b", "c"], x: 0, y: 0, size: 10)
        svg.text("d", x: 0, y: 0, size: 15)
        XCTAssertEqual(svg.smallestFontSize, 10)
    }

    func testEveryChartIsReadableAtItsMinimumWidth() {
        let line = LineChart(title: "Loss", xLabel: "epoch", yLabel: "loss",
                             series: [Series(name: "training", values: [0.9, 0.5, 0.3])])
        let charts = [
            line.svg(),
            BarChart(title: "Prediction", labels: fashion, values: (0..<10).map { Double($0) / 45 },
                     highlighted: 3, valueFormat: .percent).svg(),
            Heatmap(title: "Confusion", rowLabels: fashion, columnLabels: fashion,
                    values: (0..<10).map { row in (0..<10).map { row == $0 ? 950 : $0 } }).svg(),
            Heatmap(title: "Twenty", rowLabels: [], columnLabels: [],
                    values: (0..<20).map { row in (0..<20).map { row == $0 ? 12_345 : $0 } }).svg(),
        ]
        for svg in charts {
            let parsed = checkChart(svg)
            let root = parsed.elements[0]
            let width = Double(root.attributes["width"] ?? "") ?? 0
            let style = root.attributes["style"] ?? ""
            guard let minimum = Self.minWidth(in: style) else {
                XCTFail("no min-width in \(style)")
                continue
            }
            let sizes = parsed.all("text").compactMap { Double($0.attributes["font-size"] ?? "") }
            let smallest = sizes.min() ?? 0
            XCTAssertGreaterThanOrEqual(smallest * minimum / width, Readability.minimumFontSize - 0.001,
                                        "\(root.attributes["aria-label"] ?? ""): \(style)")
            XCTAssertGreaterThanOrEqual(smallest, Readability.minimumFontSize, "no text is drawn under 9 units")
        }
    }

    func testCountsTooSmallToReadAreLeftToTheTooltip() {
        let values = (0..<24).map { row in (0..<24).map { row == $0 ? 99_999 : 1 } }
        let parsed = checkChart(Heatmap(title: "", rowLabels: [], columnLabels: [], values: values).svg())
        XCTAssertFalse(parsed.texts.contains("99999"))
        XCTAssertTrue(parsed.all("title").contains { $0.text.contains(": 99999 (") })
    }

    private static func minWidth(in style: String) -> Double? {
        guard let range = style.range(of: "min-width:") else { return nil }
        let rest = style[range.upperBound...].prefix { $0.isNumber || $0 == "." }
        return Double(rest)
    }
}
