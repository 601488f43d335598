import XCTest
@testable import Charts

final class HeatmapTests: XCTestCase {
    private let labels = ["cat", "dog", "bird"]

    func testEveryCountIsPrintedInItsCell() {
        let values = [[50, 3, 7], [2, 61, 0], [11, 4, 38]]
        let heatmap = Heatmap(title: "Confusion matrix", rowLabels: labels, columnLabels: labels, values: values)
        let parsed = checkChart(heatmap.svg())
        let cellTexts = parsed.all("text").filter { $0.attributes["text-anchor"] == "middle" && Int($0.text) != nil }
        XCTAssertEqual(cellTexts.map(\.text), values.flatMap { $0 }.map(String.init))
        // Each count is centred on its own cell rectangle.
        let cells = parsed.all("rect").filter { $0.attributes["stroke"] == Palette.background }
        XCTAssertEqual(cells.count, 9)
        for (cell, text) in zip(cells, cellTexts) {
            let x = Double(cell.attributes["x"] ?? "") ?? -1, width = Double(cell.attributes["width"] ?? "") ?? -1
            XCTAssertEqual(Double(text.attributes["x"] ?? "") ?? 0, x + width / 2, accuracy: 0.01)
        }
        for label in labels + ["True label", "Predicted label"] {
            XCTAssertTrue(parsed.texts.contains(label), "missing \(label)")
        }
        XCTAssertTrue(parsed.all("desc").first?.text.contains("149 of 176 on the diagonal") ?? false)
    }

    func testDarkDiagonalGetsWhiteTextAndLightCellsDarkText() {
        let values = [[97, 3], [1, 99]]
        let parsed = checkChart(Heatmap(title: "", rowLabels: ["a", "b"], columnLabels: ["a", "b"], values: values).svg())
        let fills = Dictionary(parsed.all("text").filter { Int($0.text) != nil }.map { ($0.text, $0.attributes["fill"]) },
                               uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(fills["97"], "#ffffff")
        XCTAssertEqual(fills["99"], "#ffffff")
        XCTAssertEqual(fills["3"], "#1a1a1a")
        XCTAssertEqual(fills["1"], "#1a1a1a")
    }

    func testCellColourFollowsTheRowShareNotTheRawCount() {
        // Row 0 has few examples but is all correct; row 1 has many but is half wrong.
        let values = [[5, 0], [500, 500]]
        let parsed = checkChart(Heatmap(title: "", rowLabels: [], columnLabels: [], values: values).svg())
        let cells = parsed.all("rect").filter { $0.attributes["stroke"] == Palette.background }.map { $0.attributes["fill"] ?? "" }
        XCTAssertEqual(cells[0], Palette.sequential(1).hex)
        XCTAssertEqual(cells[2], cells[3])
        XCTAssertNotEqual(cells[0], cells[2])
    }

    func testEmptyMatrixSaysNoData() {
        for values in [[], [[]], [[], []]] as [[[Int]]] {
            let parsed = checkChart(Heatmap(title: "Confusion", rowLabels: [], columnLabels: [], values: values).svg())
            XCTAssertTrue(parsed.texts.contains("No data"))
        }
    }

    func testRaggedRowsMissingLabelsNegativeAndHugeCountsStillRender() {
        let values = [[1, 2, 3], [4], [], [-3, Int.max, Int.max]]
        let parsed = checkChart(Heatmap(title: "odd", rowLabels: ["only"], columnLabels: [], values: values).svg())
        XCTAssertEqual(parsed.all("rect").filter { $0.attributes["stroke"] == Palette.background }.count, 12)
        for text in ["only", "1", "2", "3", "0", "-3"] {
            XCTAssertTrue(parsed.texts.contains(text), "missing \(text)")
        }
        // A count too long for its cell is left out of the cell but stays in the cell's tooltip.
        XCTAssertFalse(parsed.texts.contains(String(Int.max)))
        XCTAssertTrue(parsed.all("title").contains { $0.text.hasSuffix(": \(Int.max) (50.0% of row)") })
    }

    func testHostileLabelsAndTitlesAreEscaped() {
        let heatmap = Heatmap(title: hostile, rowLabels: [hostile, hostile], columnLabels: [hostile, hostile],
                              values: [[1, 2], [3, 4]], rowAxisTitle: hostile, columnAxisTitle: hostile)
        let svg = heatmap.svg()
        XCTAssertFalse(svg.contains("<script>"))
        let parsed = checkChart(svg)
        XCTAssertTrue(parsed.texts.contains { $0.contains("<script>") })
    }

    func testLongLabelsAreRotatedAndBigMatricesStayValid() {
        let names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                     "Ankle boot"]
        let values = (0..<10).map { row in (0..<10).map { row == $0 ? 90 : $0 } }
        let parsed = checkChart(Heatmap(title: "F", rowLabels: names, columnLabels: names, values: values).svg())
        XCTAssertTrue(parsed.all("text").contains { $0.text == "Trouser" && $0.attributes["transform"] != nil })
        XCTAssertFalse(parsed.texts.contains { $0.contains("…") }, "\(parsed.texts)")
        XCTAssertTrue(parsed.all("text").contains { $0.text == "Ankle boot" && $0.attributes["transform"] != nil })
        let big = (0..<120).map { row in (0..<120).map { row == $0 ? 1000 : $0 % 3 } }
        checkChart(Heatmap(title: "big", rowLabels: [], columnLabels: [], values: big).svg())
    }

    func testColumnNamesWrapUnderTheirColumnBeforeTheyAreRotated() {
        let names = ["Ankle boot", "T-shirt/top", "Bag"]
        let parsed = checkChart(Heatmap(title: "F", rowLabels: names, columnLabels: names,
                                        values: [[1, 2, 3], [4, 5, 6], [7, 8, 9]]).svg())
        let spans = parsed.all("tspan").map(\.text)
        XCTAssertTrue(spans.contains("boot") && spans.contains("top"), "\(spans)")
        XCTAssertTrue(parsed.all("text").contains { $0.text == "Bag" && $0.attributes["transform"] == nil })
        XCTAssertFalse(parsed.all("text").contains { $0.text == "Bag" && $0.attributes["transform"] != nil })
        XCTAssertFalse((parsed.texts + spans).contains { $0.contains("…") })
    }

    func testLongRowNamesWrapToTwoLinesThenTruncate() {
        let names = ["an unusually long class name for a row", "b"]
        let parsed = checkChart(Heatmap(title: "", rowLabels: names, columnLabels: ["a", "b"],
                                        values: [[1, 2], [3, 4]]).svg())
        let spans = parsed.all("tspan").map(\.text)
        XCTAssertEqual(spans.count, 2, "\(spans)")
        XCTAssertEqual(spans.first, "an unusually long")
        XCTAssertTrue(parsed.all("title").contains { $0.text.contains(names[0]) }, "the tooltip has the whole name")
    }
}
