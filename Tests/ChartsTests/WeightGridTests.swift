import Foundation
import XCTest
@testable import Charts

/// `WeightGrid`: one diverging scale on a symmetric range shared by every picture, planes side by side.
final class WeightGridTests: XCTestCase {
    private func rgb(of element: ParsedSVG.Element) throws -> [UInt8] {
        let href = try XCTUnwrap(element.attributes["href"])
        XCTAssertTrue(href.hasPrefix("data:image/png;base64,"))
        let bytes = try XCTUnwrap(Data(base64Encoded: String(href.dropFirst("data:image/png;base64,".count))))
        let decoded = try DecodedPNG.decode([UInt8](bytes), components: 3)
        XCTAssertEqual(decoded.colorType, 2, "an RGB PNG")
        return decoded.pixels
    }

    func testTheDivergingScaleRunsFromBlueThroughWhiteToRed() {
        XCTAssertEqual(Palette.diverging(-2, limit: 2).hex, "#053061")
        XCTAssertEqual(Palette.diverging(0, limit: 2).hex, "#f7f7f7")
        XCTAssertEqual(Palette.diverging(2, limit: 2).hex, "#67001f")
        XCTAssertEqual(Palette.diverging(5, limit: 2).hex, "#67001f", "clamped")
        XCTAssertEqual(Palette.diverging(.nan, limit: 2).hex, "#f7f7f7")
        XCTAssertEqual(Palette.diverging(1, limit: 0).hex, "#f7f7f7", "no range: every weight is the middle")
        // Halfway between −limit and 0 is position 2.5 of 10: midway between #4393c3 and #92c5de.
        XCTAssertEqual(Palette.diverging(-1, limit: 2), RGB(0x43, 0x93, 0xc3).mixed(with: RGB(0x92, 0xc5, 0xde), by: 0.5))
    }

    func testPicturesShareOneSymmetricRange() throws {
        let strong = WeightPicture(width: 2, height: 1, planes: [[-4, 4]], caption: "unit 1")
        let weak = WeightPicture(width: 2, height: 1, planes: [[-1, 0]], caption: "unit 2")
        let grid = WeightGrid(title: "Weights", pictures: [strong, weak])
        XCTAssertEqual(grid.limit, 4)
        let parsed = checkChart(grid.svg())
        let images = parsed.all("image")
        XCTAssertEqual(images.count, 2)
        XCTAssertEqual(try rgb(of: images[0]), [0x05, 0x30, 0x61, 0x67, 0x00, 0x1f], "±4 are the scale's ends")
        let quarter = Palette.diverging(-1, limit: 4)
        XCTAssertEqual(try rgb(of: images[1]), [quarter.red, quarter.green, quarter.blue, 0xf7, 0xf7, 0xf7],
                       "−1 is drawn on the shared ±4 range, not its own")
        XCTAssertTrue(parsed.texts.contains("-4") && parsed.texts.contains("4") && parsed.texts.contains("0"), "\(parsed.texts)")
        XCTAssertTrue(parsed.texts.contains("unit 1") && parsed.texts.contains("unit 2"))
    }

    func testEachChannelIsAPlaneBesideTheOthersAndTheNoteIsShown() throws {
        let filter = WeightPicture(width: 3, height: 3, planes: [Array(repeating: 1, count: 9), Array(repeating: -1, count: 9)],
                                   caption: "filter 1")
        let parsed = checkChart(WeightGrid(title: "Filters", pictures: [filter], planeSize: 32, note: "Showing the first 1 of 8 filters.").svg())
        let images = parsed.all("image")
        XCTAssertEqual(images.count, 2)
        XCTAssertEqual(images.map { $0.attributes["y"] }, [images[0].attributes["y"], images[0].attributes["y"]])
        XCTAssertEqual(images.compactMap { Double($0.attributes["x"] ?? "") }.reduce(0) { $1 - $0 }, 35, "32 px and a 3 px gap apart")
        XCTAssertEqual(try rgb(of: images[0]), Array([0x67, 0x00, 0x1f].map(UInt8.init).repeated(9)))
        XCTAssertTrue(parsed.texts.contains("Showing the first 1 of 8 filters."))
    }

    func testTextUsesThemedColoursAndNothingIsNaN() {
        let odd = WeightPicture(width: 2, height: 2, planes: [[.nan, .infinity, 1, -1]], caption: "unit 1")
        let invalid = WeightPicture(width: 3, height: 3, planes: [[1]], caption: "unit 2")
        let svg = WeightGrid(title: "Weights", pictures: [odd, invalid]).svg()
        let parsed = checkChart(svg)
        XCTAssertEqual(parsed.all("image").count, 1, "the invalid picture is an empty box")
        for text in parsed.all("text") {
            XCTAssertTrue(text.attributes["fill"]?.hasPrefix("var(--folio-chart-") ?? false, "\(text.attributes)")
        }
        XCTAssertEqual(WeightGrid(title: "Weights", pictures: [odd]).limit, 1, "non-finite weights do not set the range")
    }

    func testRowsAreEvenedOut() throws {
        func layout(_ count: Int) -> (columns: Int, rows: Int) {
            let units = (1...count).map { WeightPicture(width: 28, height: 28, planes: [Array(repeating: 0.5, count: 784)], caption: "unit \($0)") }
            let images = checkChart(WeightGrid(title: "Weights", pictures: units).svg()).all("image")
            return (Set(images.compactMap { $0.attributes["x"] }).count, Set(images.compactMap { $0.attributes["y"] }).count)
        }
        XCTAssert(layout(10) == (5, 2), "10 units: two rows of 5, narrow enough for a phone, not 8 and 2")
        XCTAssert(layout(8) == (8, 1))
        XCTAssert(layout(9) == (5, 2))
        XCTAssert(layout(64) == (8, 8))
    }

    func testNoPicturesSaysNoData() {
        XCTAssertTrue(WeightGrid(title: "Weights", pictures: []).svg().contains("No data"))
    }
}

private extension Array {
    func repeated(_ times: Int) -> [Element] { (0..<times).flatMap { _ in self } }
}
