import Foundation
import XCTest
@testable import Charts

final class ImageGridTests: XCTestCase {
    private func digit(_ seed: Int) -> GrayImage {
        GrayImage(width: 28, height: 28, pixels: (0..<784).map { UInt8(truncatingIfNeeded: ($0 * seed) % 256) })
    }

    func testEachImageIsAnEmbeddedPNGThatDecodesToItsPixelsAsTheModelSeesThem() throws {
        let images = (1...3).map(digit)
        let parsed = checkChart(ImageGrid(images: images, captions: ["a", "b", "c"]).svg())
        let embedded = parsed.all("image")
        XCTAssertEqual(embedded.count, 3)
        for (element, image) in zip(embedded, images) {
            let href = try XCTUnwrap(element.attributes["href"])
            XCTAssertTrue(href.hasPrefix("data:image/png;base64,"))
            let bytes = try XCTUnwrap(Data(base64Encoded: String(href.dropFirst("data:image/png;base64,".count))))
            let decoded = try DecodedPNG.decode([UInt8](bytes))
            XCTAssertEqual(decoded.pixels, image.pixels, "0 black, 255 white: MNIST's white strokes on black")
            XCTAssertTrue(element.attributes["style"]?.contains("image-rendering:pixelated") ?? false)
        }
    }

    func testLongCaptionsWrapInsteadOfBeingCut() {
        let captions = ["Ankle boot", "T-shirt/top ≠ Shirt", "7"]
        let parsed = checkChart(ImageGrid(images: (1...3).map(digit), captions: captions, columns: 3).svg())
        let texts = parsed.texts
        XCTAssertFalse(texts.contains { $0.contains("…") }, "\(texts)")
        for piece in ["Ankle", "boot", "T-shirt/", "Shirt", "7"] {
            XCTAssertTrue(texts.contains { $0.contains(piece) }, "\(piece) in \(texts)")
        }
    }

    func testCaptionsSitBelowTheirImages() {
        let parsed = checkChart(ImageGrid(images: [digit(1), digit(2)], captions: ["seven", "two"], columns: 1).svg())
        let images = parsed.all("image")
        for (index, caption) in ["seven", "two"].enumerated() {
            let text = parsed.all("text").first { $0.text == caption }
            let imageBottom = (Double(images[index].attributes["y"] ?? "") ?? 0)
                + (Double(images[index].attributes["height"] ?? "") ?? 0)
            XCTAssertGreaterThan(Double(text?.attributes["y"] ?? "") ?? -1, imageBottom)
        }
        let firstY = Double(images[0].attributes["y"] ?? "") ?? 0, secondY = Double(images[1].attributes["y"] ?? "") ?? 0
        XCTAssertGreaterThan(secondY, firstY, "one column puts the second image on a new row")
    }

    func testColumnsWrapIntoRows() {
        let parsed = checkChart(ImageGrid(images: (1...7).map(digit), captions: [], columns: 3, cellSize: 40).svg())
        let ys = Set(parsed.all("image").compactMap { $0.attributes["y"] })
        XCTAssertEqual(ys.count, 3)
        XCTAssertEqual(parsed.all("image").first?.attributes["width"], "40")
    }

    func testInvalidImagesBecomeGreyCellsAndBadSettingsAreClamped() {
        let images = [GrayImage(width: 2, height: 2, pixels: [1]), GrayImage(width: -3, height: 0, pixels: []), digit(3)]
        let parsed = checkChart(ImageGrid(images: images, captions: ["x"], columns: -4, cellSize: .nan).svg())
        XCTAssertEqual(parsed.all("image").count, 1)
        checkChart(ImageGrid(images: [digit(1)], captions: [], columns: 0, cellSize: -10).svg())
        checkChart(ImageGrid(images: [digit(1)], captions: [], columns: Int.max, cellSize: .infinity).svg())
    }

    func testEmptyGridSaysNoData() {
        XCTAssertTrue(checkChart(ImageGrid(images: [], captions: ["orphan"]).svg()).texts.contains("No data"))
    }

    func testHostileCaptionsAndTitleAreEscaped() {
        let grid = ImageGrid(images: [digit(1), digit(2)], captions: [hostile, hostile], title: hostile)
        XCTAssertFalse(grid.svg().contains("<script>"))
        let parsed = checkChart(grid.svg())
        XCTAssertTrue(parsed.all("title").contains { $0.text.contains("<script>") }, "the full caption is a tooltip")
    }
}
