import XCTest
@testable import Charts

final class PNGEncoderTests: XCTestCase {
    func testChecksumsMatchPublishedVectors() {
        XCTAssertEqual(Checksums.crc32(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(Checksums.adler32(Array("Wikipedia".utf8)), 0x11E6_0398)
        XCTAssertEqual(Checksums.crc32([]), 0)
        XCTAssertEqual(Checksums.adler32([]), 1)
        let long = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        XCTAssertEqual(Checksums.adler32(long), DecodedPNG.naiveAdler32(long))
        XCTAssertEqual(Checksums.crc32(long), DecodedPNG.bitwiseCRC32(long))
    }

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
        XCTAssertEqual(decoded.storedBlockCount, 1)
    }

    func testLargeImageSpansSeveralStoredBlocks() throws {
        let gray = (0..<(300 * 300)).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let png = try XCTUnwrap(PNGEncoder.grayscale(width: 300, height: 300, gray: gray))
        let decoded = try DecodedPNG.decode(png)
        XCTAssertEqual(decoded.storedBlockCount, 2)
        XCTAssertEqual(decoded.pixels, gray)
    }

    func testExactlyOneFullBlockIsFollowedByNothingElse() throws {
        // 65535 bytes of scanlines: 1 row of 65534 pixels plus its filter byte fill one block exactly.
        let gray = [UInt8](repeating: 9, count: 65_534)
        let png = try XCTUnwrap(PNGEncoder.grayscale(width: 65_534, height: 1, gray: gray))
        XCTAssertEqual(try DecodedPNG.decode(png).storedBlockCount, 1)
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
        XCTAssertThrowsError(try DecodedPNG.decode(png))
    }
}
