import XCTest
@testable import Datasets

final class IDXTests: XCTestCase {
    func testDecodesImagesAndLabels() throws {
        let images = try IDX.decode(TestSupport.idx([2, 2, 3], payload: Array(0..<12)), name: "x")
        XCTAssertEqual(images.dimensions, [2, 2, 3])
        XCTAssertEqual(images.count, 2)
        XCTAssertEqual(images.itemShape, [2, 3])
        XCTAssertEqual(images.bytes, Array(0..<12))
        let labels = try IDX.decode(TestSupport.idx([3], payload: [7, 2, 1]), name: "y")
        XCTAssertEqual(labels.dimensions, [3])
        XCTAssertEqual(labels.bytes, [7, 2, 1])
    }

    func testReadsGzipFixtureWhateverTheExtension() throws {
        let labels = try IDX.read(TestSupport.fixtureURL(.testLabels))
        XCTAssertEqual(labels.dimensions, [200])
        XCTAssertEqual(Array(labels.bytes.prefix(5)), [7, 2, 1, 0, 4])   // MNIST's first test labels
        let directory = try TestSupport.temporaryDirectory(self)
        let renamed = directory.appendingPathComponent("labels.bin")
        try FileManager.default.copyItem(at: TestSupport.fixtureURL(.testLabels), to: renamed)
        XCTAssertEqual(try IDX.read(renamed), labels)
        let images = try IDX.read(TestSupport.fixtureURL(.testImages))
        XCTAssertEqual(images.dimensions, [200, 28, 28])
    }

    func testReadsRawFile() throws {
        let url = try TestSupport.temporaryDirectory(self).appendingPathComponent("raw-idx1-ubyte")
        try Data(TestSupport.idx([2], payload: [3, 4])).write(to: url)
        XCTAssertEqual(try IDX.read(url).bytes, [3, 4])
    }

    func testBadMagic() {
        var bytes = TestSupport.idx([2], payload: [1, 2])
        bytes[0] = 0x50
        XCTAssertThrowsDatasetError(try IDX.decode(bytes, name: "f"), .idxBadMagic(file: "f", magic: [0x50, 0, 8, 1]))
        XCTAssertThrowsDatasetError(try IDX.decode(Array("PK\u{3}\u{4}zipfile".utf8), name: "f"),
                                    .idxBadMagic(file: "f", magic: [0x50, 0x4B, 3, 4]))
    }

    func testDimensionCountOutsideOneToFour() {
        XCTAssertThrowsDatasetError(try IDX.decode([0, 0, 8, 0], name: "f"), .idxBadMagic(file: "f", magic: [0, 0, 8, 0]))
        XCTAssertThrowsDatasetError(try IDX.decode(TestSupport.idx([1, 1, 1, 1, 1], payload: [0]), name: "f"),
                                    .idxBadMagic(file: "f", magic: [0, 0, 8, 5]))
    }

    func testWrongElementTypeIsNamed() {
        let floats = TestSupport.idx([1], payload: [0, 0, 0, 0], type: 0x0D)
        XCTAssertThrowsDatasetError(try IDX.decode(floats, name: "f"), .idxUnsupportedType(file: "f", code: 0x0D))
        XCTAssertTrue(DatasetError.idxUnsupportedType(file: "f", code: 0x0D).description.contains("32-bit float"))
    }

    func testTooShortForHeader() {
        XCTAssertThrowsDatasetError(try IDX.decode([0, 0], name: "f"), .idxTooShort(file: "f", length: 2))
        XCTAssertThrowsDatasetError(try IDX.decode([0, 0, 8, 3, 0, 0, 0, 1], name: "f"), .idxTooShort(file: "f", length: 8))
    }

    func testTruncatedPayload() {
        let bytes = TestSupport.idx([2, 2, 2], payload: [1, 2, 3])
        XCTAssertThrowsDatasetError(try IDX.decode(bytes, name: "f"), .idxTruncated(file: "f", expected: 24, found: 19))
        XCTAssertTrue(DatasetError.idxTruncated(file: "f", expected: 24, found: 19).description.contains("expected 24 bytes, found 19"))
    }

    func testTrailingBytes() {
        let bytes = TestSupport.idx([2], payload: [1, 2, 3])
        XCTAssertThrowsDatasetError(try IDX.decode(bytes, name: "f"), .idxTrailingBytes(file: "f", expected: 10, found: 11))
    }

    func testHugeDimensionsDoNotOverflow() {
        let bytes = TestSupport.idx([0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF], payload: [])
        XCTAssertThrowsDatasetError(try IDX.decode(bytes, name: "f"),
                                    .idxSizeOverflow(file: "f", dimensions: [0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF]))
        let two = TestSupport.idx([0xFFFF_FFFF, 0xFFFF_FFFF], payload: [])
        XCTAssertThrowsDatasetError(try IDX.decode(two, name: "f"),
                                    .idxSizeOverflow(file: "f", dimensions: [0xFFFF_FFFF, 0xFFFF_FFFF]))
        let big = TestSupport.idx([0xFFFF_FFFF, 0x1_0000], payload: [])
        XCTAssertThrowsDatasetError(try IDX.decode(big, name: "f"),
                                    .idxTruncated(file: "f", expected: 0xFFFF_FFFF * 0x1_0000 + 12, found: 12))
    }

    func testZeroItemsIsValid() throws {
        XCTAssertEqual(try IDX.decode(TestSupport.idx([0, 28, 28], payload: []), name: "f").count, 0)
    }

    func testArrayInitChecksShape() {
        XCTAssertThrowsDatasetError(try IDXArray(dimensions: [2, 2], bytes: [1, 2, 3]),
                                    .idxShapeMismatch(dimensions: [2, 2], byteCount: 3))
        XCTAssertEqual(try IDXArray(dimensions: [1, 2], bytes: [1, 2]).count, 1)
    }

    func testMissingFileIsNamed() {
        let url = URL(fileURLWithPath: "/nonexistent/folder/t10k-labels-idx1-ubyte")
        XCTAssertThrowsDatasetError(try IDX.read(url), .fileUnreadable(path: url.path, reason: "no such file"))
    }

    func testCorruptGzipFileIsNamed() throws {
        let url = try TestSupport.temporaryDirectory(self).appendingPathComponent("cut.gz")
        try Data(TestSupport.fixtureBytes(.testImages).prefix(1000)).write(to: url)
        XCTAssertThrowsDatasetError(try IDX.read(url), .gzipTruncated(source: url.path))
    }
}
