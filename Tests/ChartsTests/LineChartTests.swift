import XCTest
@testable import Charts

final class LineChartTests: XCTestCase {
    private func chart(_ series: [Series], yRange: ClosedRange<Double>? = nil) -> LineChart {
        LineChart(title: "Loss", xLabel: "Epoch", yLabel: "Loss", series: series, yRange: yRange)
    }

    private func points(_ polyline: ParsedSVG.Element) -> [(x: Double, y: Double)] {
        (polyline.attributes["points"] ?? "").split(separator: " ").compactMap { pair in
            let parts = pair.split(separator: ",").compactMap { Double($0) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    func testTrainingCurvesAreWellFormedWithLegendAndAxisLabels() {
        let svg = chart([
            Series(name: "loss", values: [0.62, 0.29, 0.24, 0.21, 0.19]),
            Series(name: "val_loss", values: [0.31, 0.26, 0.23, 0.22, 0.21], dashed: true),
        ]).svg()
        let parsed = checkChart(svg)
        XCTAssertEqual(parsed.all("polyline").count, 2)
        for label in ["Loss", "Epoch", "loss", "val_loss", "1", "5"] {
            XCTAssertTrue(parsed.texts.contains(label), "missing text \(label): \(parsed.texts)")
        }
        XCTAssertEqual(parsed.all("title").first?.text, "Loss")
        XCTAssertTrue(parsed.all("desc").first?.text.contains("val_loss: 5 values") ?? false)
    }

    func testPolylineHasOnePointPerFiniteValueAndBreaksAtGaps() {
        let values: [Double] = [1, .nan, 2, 3, .infinity, -.infinity, 4, 5, 6]
        let parsed = checkChart(chart([Series(name: "s", values: values)]).svg())
        let lines = parsed.all("polyline")
        XCTAssertEqual(lines.map { points($0).count }, [1, 2, 3])
        XCTAssertEqual(lines.map { points($0).count }.reduce(0, +), values.filter(\.isFinite).count)
    }

    func testLargerValuesAreDrawnHigherAndLaterValuesFurtherRight() {
        let parsed = checkChart(chart([Series(name: "s", values: [1, 3, 2])]).svg())
        let line = points(parsed.all("polyline")[0])
        XCTAssertEqual(line.count, 3)
        XCTAssertLessThan(line[0].x, line[1].x)
        XCTAssertLessThan(line[1].x, line[2].x)
        XCTAssertLessThan(line[1].y, line[2].y)   // SVG y grows downwards
        XCTAssertLessThan(line[2].y, line[0].y)
    }

    func testNoSeriesOrNoFiniteValueSaysNoData() {
        for series in [[], [Series(name: "empty", values: [])], [Series(name: "nan", values: [.nan, .infinity])]] {
            let parsed = checkChart(chart(series).svg())
            XCTAssertTrue(parsed.texts.contains("No data"), "\(series)")
            XCTAssertTrue(parsed.all("polyline").isEmpty)
        }
    }

    func testSinglePointGetsAMarkerAndOneIntegerTick() {
        let parsed = checkChart(chart([Series(name: "loss", values: [0.5])]).svg())
        XCTAssertEqual(parsed.all("polyline").map { points($0).count }, [1])
        XCTAssertFalse(parsed.all("circle").isEmpty)
        let xTicks = parsed.all("text").filter { $0.attributes["text-anchor"] == "middle" && Double($0.text) != nil }
        XCTAssertEqual(xTicks.map(\.text), ["1"])
    }

    func testConstantSeriesGetsARangeAroundItsValue() {
        let parsed = checkChart(chart([Series(name: "flat", values: [2, 2, 2, 2])]).svg())
        let line = points(parsed.all("polyline")[0])
        XCTAssertEqual(Set(line.map(\.y)).count, 1)
        XCTAssertTrue(parsed.texts.contains("2"))
        XCTAssertTrue(parsed.texts.contains("1.8") && parsed.texts.contains("2.2"), "\(parsed.texts)")
    }

    func testYRangeFixesTheAxis() {
        let parsed = checkChart(chart([Series(name: "accuracy", values: [0.91, 0.95])], yRange: 0...1).svg())
        let yTicks = parsed.all("text").filter { $0.attributes["text-anchor"] == "end" }.map(\.text)
        XCTAssertEqual(yTicks, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    func testManyEpochsGetThinnedIntegerTicks() {
        let values = (0..<200).map { 1 / (1 + Double($0)) }
        let parsed = checkChart(chart([Series(name: "loss", values: values)]).svg())
        let tickLabels = parsed.all("text").filter { $0.attributes["text-anchor"] == "middle" && Double($0.text) != nil }
        XCTAssertGreaterThanOrEqual(tickLabels.count, 3)
        XCTAssertLessThanOrEqual(tickLabels.count, 12)
        XCTAssertTrue(tickLabels.allSatisfy { Int($0.text) != nil }, "\(tickLabels.map(\.text))")
        XCTAssertTrue(parsed.all("circle").isEmpty, "200 points are drawn without markers")
    }

    func testHostileStringsAreEscapedEverywhere() {
        let chart = LineChart(title: hostile, xLabel: hostile, yLabel: hostile,
                              series: [Series(name: hostile, values: [1, 2]), Series(name: hostile, values: [3])])
        let svg = chart.svg()
        XCTAssertFalse(svg.contains("<script>"))
        let parsed = checkChart(svg)
        XCTAssertTrue(parsed.texts.contains { $0.contains("<script>alert(\"x\")") })
        XCTAssertTrue(parsed.elements[0].attributes["aria-label"]?.contains("'quoted'") ?? false)
    }

    func testAbsurdNumbersAndSizesStillGiveAValidChart() {
        var chart = chart([Series(name: "huge", values: [1e308, -1e308, 5, .greatestFiniteMagnitude])])
        checkChart(chart.svg())
        chart.series = [Series(name: "tiny", values: [Double.leastNonzeroMagnitude, 3 * Double.leastNonzeroMagnitude])]
        chart.xStart = .nan
        chart.width = .infinity
        chart.height = -5
        chart.yRange = 1...1
        checkChart(chart.svg())
        chart.yRange = -Double.infinity...0
        chart.xStart = 1e300
        checkChart(chart.svg())
    }

    func testValidationSeriesIsDashedAndCanShareItsColour() {
        let parsed = checkChart(chart([
            Series(name: "loss", values: [1, 2]),
            Series(name: "val_loss", values: [2, 1], dashed: true, colorIndex: 0),
        ]).svg())
        let lines = parsed.all("polyline")
        XCTAssertNil(lines[0].attributes["stroke-dasharray"])
        XCTAssertNotNil(lines[1].attributes["stroke-dasharray"])
        XCTAssertEqual(lines[0].attributes["stroke"], lines[1].attributes["stroke"])
    }

    func testManySeriesLegendWrapsAndGrowsTheChartInsteadOfCoveringData() {
        let series = (0..<90).map { Series(name: "series number \($0)", values: [Double($0), Double($0 + 1)]) }
        let parsed = checkChart(chart(series).svg())
        let height = Double(parsed.elements[0].attributes["height"] ?? "") ?? 0
        XCTAssertGreaterThan(height, 360)
        let legendBottom = parsed.all("text").filter { $0.text.hasPrefix("series number") }
            .compactMap { Double($0.attributes["y"] ?? "") }.max() ?? 0
        let topOfData = parsed.all("polyline").flatMap(points).map(\.y).min() ?? 0
        XCTAssertLessThan(legendBottom, topOfData)
    }

    func testManySeriesStayDistinctByDashingTheSecondRoundOfColours() {
        let looks = (0..<18).map { Series(name: "m\($0)", values: [1], distinctIndex: $0) }
        XCTAssertEqual(looks.map(\.colorIndex), Array(0..<18))
        XCTAssertEqual(looks.map(\.dashed), Array(repeating: false, count: 8) + Array(repeating: true, count: 8) + [false, false])
        let pairs = looks.prefix(16).map { "\(Palette.seriesColor($0.colorIndex ?? 0)) \($0.dashed)" }
        XCTAssertEqual(Set(pairs).count, 16, "colour and dash tell 16 lines apart")
    }

}
