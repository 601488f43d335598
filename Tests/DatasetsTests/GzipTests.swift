import XCTest
@testable import Datasets

final class GzipTests: XCTestCase {
    /// `python3 -c "import gzip; print(list(gzip.compress(b'hello folio\\n', mtime=0)))"`
    let helloGzip: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x57,
        0x48, 0xcb, 0xcf, 0xc9, 0xcc, 0xe7, 0x02, 0x00, 0x9f, 0xd1, 0x7b, 0x32, 0x0c, 0x00, 0x00, 0x00,
    ]

    func testDecompressesGzip() throws {
        XCTAssertEqual(String(decoding: try Gzip.decompress(helloGzip), as: UTF8.self), "hello folio\n")
    }

    func testDecompressesZlib() throws {
        // python3 -c "import zlib;print(list(zlib.compress(b'abcabcabc')))"
        let zlibData: [UInt8] = [120, 156, 75, 76, 74, 78, 4, 35, 0, 17, 61, 3, 115]
        XCTAssertEqual(String(decoding: try Gzip.decompress(zlibData), as: UTF8.self), "abcabcabc")
    }

    func testJoinsConcatenatedMembers() throws {
        XCTAssertEqual(String(decoding: try Gzip.decompress(helloGzip + helloGzip), as: UTF8.self), "hello folio\nhello folio\n")
    }

    func testLargeFixtureMatchesItsChecksum() throws {
        let payload = try Gzip.decompress(TestSupport.fixtureBytes(.trainImages))
        XCTAssertEqual(payload.count, 16 + 1000 * 784)
        XCTAssertEqual(Checksum.sha256Hex(payload), TestSupport.fixtureChecksums[.trainImages])
    }

    func testTruncatedIsAnError() {
        for length in [1, 10, 20, helloGzip.count - 1] {
            XCTAssertThrowsDatasetError(try Gzip.decompress(Array(helloGzip.prefix(length))),
                                        .gzipTruncated(source: "The compressed data"))
        }
        XCTAssertThrowsDatasetError(try Gzip.decompress([]), .gzipTruncated(source: "The compressed data"))
    }

    func testCorruptIsAnError() {
        var corrupt = helloGzip
        corrupt[12] ^= 0xFF
        XCTAssertThrowsError(try Gzip.decompress(corrupt)) { error in
            guard case .gzipCorrupt = error as? DatasetError else { return XCTFail("\(error)") }
        }
        var badChecksum = helloGzip
        badChecksum[25] ^= 0x01   // CRC-32 in the trailer
        XCTAssertThrowsError(try Gzip.decompress(badChecksum))
        XCTAssertThrowsError(try Gzip.decompress(Array("plain text, not compressed".utf8)))
    }

    func testTrailingGarbageIsAnError() {
        XCTAssertThrowsDatasetError(try Gzip.decompress(helloGzip + [1, 2, 3]),
                                    .gzipTrailingData(source: "The compressed data", count: 3))
    }

    func testOutputOverLimitIsAnError() throws {
        XCTAssertThrowsDatasetError(try Gzip.decompress(helloGzip, limit: 5),
                                    .gzipTooLarge(source: "The compressed data", limit: 5))
        XCTAssertEqual(try Gzip.decompress(helloGzip, limit: 12).count, 12)
        let images = try TestSupport.fixtureBytes(.testImages)
        XCTAssertThrowsError(try Gzip.decompress(images, limit: 100_000))
    }
}
