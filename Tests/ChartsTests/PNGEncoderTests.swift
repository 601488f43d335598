import XCTest
@testable import Charts

final class PNGEncoderTests: XCTestCase {
    func testSmallImageDecodesToTheSamePixels() throws {
        let gray: [UInt8] = [0, 64, 128, 255, 1, 2, 3, 4, 250, 251, 252, 253]
        let png = try XCTUnwrap(PNGEncoder.grayscale(width: 4, height: 3, gray: gray))
        let decoded = try DecodedPNG.decode(png)
        XCTAssertEqual(decoded.width, 4)
        XCTAssertEqual(decoded.height, 3)
        XCTAssertEqual(decoded.bitDepth, 8)
        XCTAssertEqual(decoded.colorType, 0)
        XCTAssertEqual(decoded.chunkTypes, ["IHDR", "IDAT", "IEND"])
        XCTAssertEqual(decoded.pixels, gray)
    }

    func testLargeImagesAreCompressedAndDecodeExactly() throws {
        let gray = (0..<(300 * 300)).map { UInt8(truncatingIfNeeded: ($0 % 300) / 30 * 25) }
        let png = try XCTUnwrap(PNGEncoder.grayscale(width: 300, height: 300, gray: gray))
        XCTAssertEqual(try DecodedPNG.decode(png).pixels, gray)
        XCTAssertLessThan(png.count, gray.count / 20, "deflate, not stored blocks")
        let noisy = (0..<(257 * 3)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        XCTAssertEqual(try DecodedPNG.decode(try XCTUnwrap(PNGEncoder.grayscale(width: 257, height: 3, gray: noisy))).pixels, noisy)
    }

    func testInvalidDimensionsGiveNil() {
        XCTAssertNil(PNGEncoder.grayscale(width: 0, height: 3, gray: []))
        XCTAssertNil(PNGEncoder.grayscale(width: -1, height: 3, gray: []))
        XCTAssertNil(PNGEncoder.grayscale(width: Int.max, height: Int.max, gray: []))
    }

    func testGrayImageInvertsInkToBlackOnWhite() throws {
        let image = GrayImage(width: 2, height: 2, pixels: [0, 255, 100, 200])
        XCTAssertTrue(image.isValid)
        let decoded = try DecodedPNG.decode(try XCTUnwrap(image.png()))
        XCTAssertEqual(decoded.pixels, [255, 0, 155, 55])
    }

    func testInvalidGrayImagesHaveNoPNG() {
        XCTAssertNil(GrayImage(width: 2, height: 2, pixels: [1, 2, 3]).png())
        XCTAssertNil(GrayImage(width: 0, height: 0, pixels: []).png())
        XCTAssertNil(GrayImage(width: Int.max, height: 2, pixels: [1]).png())
    }

    func testDecoderRejectsCorruption() throws {
        var png = try XCTUnwrap(PNGEncoder.grayscale(width: 2, height: 2, gray: [1, 2, 3, 4]))
        png[png.count - 20] ^= 0xFF   // inside the IDAT data
        XCTAssertThrowsError(try DecodedPNG.decode(png), "the chunk's CRC no longer matches")
    }
}
