import XCTest
@testable import Charts

/// Charts follow the report's light or dark theme: their text, axes, grid, frames and background
/// are CSS variables with the light colour as fallback; data colours (heat-map cells, pixels) are not.
final class ChartThemeTests: XCTestCase {
    private static let digit = GrayImage(width: 2, height: 2, pixels: [0, 255, 128, 0])

    private var charts: [String: String] {
        [
            "line": LineChart(title: "Loss", xLabel: "Epoch", yLabel: "Loss",
                              series: [Series(name: "loss", values: [0.6, 0.3, 0.2]),
                                       Series(name: "val_loss", values: [0.4, 0.3, 0.25], dashed: true)]).svg(),
            "bar": BarChart(title: "Prediction", labels: ["0", "1", "2"], values: [0.1, 0.7, 0.2], highlighted: 1).svg(),
            "heatmap": Heatmap(title: "Confusion", rowLabels: ["a", "b"], columnLabels: ["a", "b"], values: [[9, 0], [2, 7]]).svg(),
            "grid": ImageGrid(images: [Self.digit, GrayImage(width: 2, height: 2, pixels: [])], captions: ["one", "bad"]).svg(),
            "empty": LineChart(title: "Nothing", xLabel: "x", yLabel: "y", series: []).svg(),
        ]
    }

    func testTheBackgroundIsThePagesPaperWithAWhiteFallback() {
        for (kind, svg) in charts {
            let parsed = checkChart(svg)
            let background = parsed.all("rect").first { $0.attributes["width"] == parsed.all("svg").first?.attributes["width"] }
            if kind == "empty" { continue }
            XCTAssertEqual(background?.attributes["fill"], "var(--folio-chart-background, #ffffff)", kind)
            XCTAssertFalse(svg.contains("fill=\"#ffffff\"") && kind != "heatmap", "\(kind): no hard-coded white")
        }
    }

    func testTextAxesAndGridFollowTheTheme() {
        for (kind, svg) in charts {
            let parsed = checkChart(svg)
            for line in parsed.all("line") {
                XCTAssertTrue(line.attributes["stroke"]?.hasPrefix("var(--folio-chart-") ?? false, "\(kind): \(line.attributes)")
            }
            // Heat-map counts sit on data colours and are chosen against them; every other text is themed.
            let themedTexts = parsed.all("text").filter { kind != "heatmap" || Int($0.text) == nil }
            XCTAssertFalse(themedTexts.isEmpty, kind)
            for text in themedTexts {
                XCTAssertTrue(text.attributes["fill"]?.hasPrefix("var(--folio-chart-") ?? false, "\(kind): '\(text.text)' \(text.attributes)")
            }
        }
    }

    func testAThemedColourNamesItsFallback() {
        XCTAssertEqual(Palette.text, "var(--folio-chart-text, #333333)")
        XCTAssertEqual(Palette.grid, "var(--folio-chart-grid, #e8eaed)")
        XCTAssertEqual(Palette.seriesColor(0), "var(--folio-chart-series-1, #0072B2)")
        XCTAssertEqual(Palette.seriesColor(-1), "var(--folio-chart-series-8, #F0E442)")
    }

    func testEverySeriesColourReadsOnADarkPage() {
        let darkPaper = RGB(0x14, 0x18, 0x1f)
        for hex in Palette.series {
            let color = RGB(hex: hex)
            let lighter = max(color.relativeLuminance, darkPaper.relativeLuminance)
            let darker = min(color.relativeLuminance, darkPaper.relativeLuminance)
            XCTAssertGreaterThanOrEqual((lighter + 0.05) / (darker + 0.05), 3, "\(hex) on the dark page")
        }
        XCTAssertFalse(Palette.series.contains("#000000"), "black vanishes on a dark page")
    }
}

private extension RGB {
    init(hex: String) {
        let digits = Array(hex.dropFirst())
        func byte(_ at: Int) -> UInt8 { UInt8(String(digits[at..<at + 2]), radix: 16) ?? 0 }
        self.init(byte(0), byte(2), byte(4))
    }
}
