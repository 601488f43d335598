import XCTest
@testable import Charts

final class BarChartTests: XCTestCase {
    private let digits = (0...9).map(String.init)
    private let probabilities = [0.001, 0.002, 0.011, 0.003, 0.0001, 0.0004, 0.00002, 0.973, 0.004, 0.0055]

    private func bars(_ parsed: ParsedSVG) -> [ParsedSVG.Element] {
        parsed.all("rect").filter { [Palette.bar, Palette.accent].contains($0.attributes["fill"] ?? "") }
    }

    func testOneBarPerValueWithTheHighlightedOneInTheAccentColour() {
        let chart = BarChart(title: "Prediction", labels: digits, values: probabilities, highlighted: 7,
                             valueFormat: .percent)
        let parsed = checkChart(chart.svg())
        let drawn = bars(parsed)
        XCTAssertEqual(drawn.count, 10)
        XCTAssertEqual(drawn.indices.filter { drawn[$0].attributes["fill"] == Palette.accent }, [7])
        let heights = drawn.map { Double($0.attributes["height"] ?? "") ?? -1 }
        XCTAssertEqual(heights.firstIndex(of: heights.max() ?? 0), 7)
        for label in digits + ["97.3%", "100%", "0%"] {
            XCTAssertTrue(parsed.texts.contains(label), "missing \(label): \(parsed.texts)")
        }
        XCTAssertTrue(parsed.all("desc").first?.text.contains("Highlighted: 7 (97.3%)") ?? false)
    }

    func testNegativeValuesHangBelowTheZeroLine() {
        let parsed = checkChart(BarChart(title: "signed", labels: ["up", "down"], values: [3, -2]).svg())
        let drawn = bars(parsed)
        let top = drawn.map { Double($0.attributes["y"] ?? "") ?? 0 }
        let height = drawn.map { Double($0.attributes["height"] ?? "") ?? 0 }
        XCTAssertEqual(top[0] + height[0], top[1], accuracy: 0.02, "both bars meet at the zero line")
        XCTAssertTrue(parsed.texts.contains("-2"))
    }

    func testNonFiniteValuesDrawNoBarButSayNA() {
        let parsed = checkChart(BarChart(title: "gaps", labels: ["a", "b", "c"], values: [0.5, .nan, .infinity]).svg())
        XCTAssertEqual(bars(parsed).count, 1)
        XCTAssertTrue(parsed.texts.contains("n/a"))
    }

    func testEmptyOrAllNonFiniteSaysNoData() {
        for values in [[], [Double.nan], [Double.infinity, -Double.infinity]] {
            let parsed = checkChart(BarChart(title: "none", labels: [], values: values, highlighted: 0).svg())
            XCTAssertTrue(parsed.texts.contains("No data"))
        }
    }

    func testOutOfRangeHighlightAndMissingLabelsAreHarmless() {
        let parsed = checkChart(BarChart(title: "x", labels: ["a"], values: [1, 2, 3], highlighted: 99).svg())
        XCTAssertEqual(bars(parsed).count, 3)
        XCTAssertFalse(bars(parsed).contains { $0.attributes["fill"] == Palette.accent })
        checkChart(BarChart(title: "x", labels: [], values: [1], highlighted: -1).svg())
    }

    func testHostileLabelsAreEscaped() {
        let chart = BarChart(title: hostile, labels: [hostile, hostile], values: [1, 2], highlighted: 1,
                             xLabel: hostile, yLabel: hostile)
        XCTAssertFalse(chart.svg().contains("<script>"))
        checkChart(chart.svg())
    }

    func testManyBarsThinTheirLabelsAndHideCrowdedValues() {
        let values = (0..<300).map { Double($0 % 17) }
        let parsed = checkChart(BarChart(title: "many", labels: values.indices.map { "label \($0)" }, values: values,
                                         highlighted: 5).svg())
        XCTAssertEqual(bars(parsed).count, 300)
        let categoryLabels = (parsed.texts + parsed.all("tspan").map(\.text)).filter { $0.hasPrefix("la") }.count
        XCTAssertGreaterThan(categoryLabels, 5)
        XCTAssertLessThan(categoryLabels, 60)
        XCTAssertTrue(parsed.texts.contains("5"), "the highlighted value is always printed")
    }

    func testValueFormats() {
        XCTAssertEqual(ValueFormat.percent.format(0.973), "97.3%")
        XCTAssertEqual(ValueFormat.percent.format(1), "100.0%")
        XCTAssertEqual(ValueFormat.fixed(decimals: 2).format(0.1 + 0.2), "0.30")
        XCTAssertEqual(ValueFormat.automatic.format(0.1 + 0.2), "0.3")
        XCTAssertEqual(ValueFormat.automatic.format(.nan), "n/a")
    }

    func testClassNamesWrapToASecondLineInsteadOfBeingCut() {
        let names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                     "Ankle boot"]
        let chart = BarChart(title: "Fashion", labels: names, values: Array(repeating: 0.1, count: 10),
                             valueFormat: .percent, xLabel: "class")
        let parsed = checkChart(chart.svg())
        let spans = parsed.all("tspan").map(\.text)
        XCTAssertEqual(spans, ["T-shirt/", "top", "Ankle", "boot"])
        XCTAssertFalse(parsed.texts.contains { $0.contains("…") }, "\(parsed.texts)")
        // The axis title moves below the second line of labels, and stays inside the chart.
        let labelY = parsed.all("text").first { $0.text == "Trouser" }?.attributes["y"]
        let titleY = parsed.all("text").first { $0.text == "class" }?.attributes["y"]
        let height = Double(parsed.elements[0].attributes["height"] ?? "") ?? 0
        XCTAssertGreaterThan((Double(titleY ?? "") ?? 0) - (Double(labelY ?? "") ?? 0), 30)
        XCTAssertLessThanOrEqual(Double(titleY ?? "") ?? .infinity, height)
    }

    func testOneLineLabelsKeepTheChartsPlotHeight() {
        let values = Array(repeating: 0.5, count: 10)
        let short = checkChart(BarChart(title: "", labels: (0...9).map(String.init), values: values).svg())
        let long = checkChart(BarChart(title: "", labels: ["Ankle boot"] + (1...9).map(String.init), values: values).svg())
        let zeroLine = { (parsed: ParsedSVG) in parsed.all("line").compactMap { Double($0.attributes["y1"] ?? "") }.max() ?? 0 }
        XCTAssertLessThan(zeroLine(long), zeroLine(short), "two-line labels take room from the plot")
    }
}
