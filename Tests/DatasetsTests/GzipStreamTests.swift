import XCTest
@testable import Datasets

/// The streaming inflater: any split of the input gives the same output as `Gzip.decompress`,
/// slices stay small, and damaged streams fail as the whole-buffer decoder does.
final class GzipStreamTests: XCTestCase {
    /// All of `data` fed in pieces of `piece` bytes; also returns the largest slice handed out.
    private func inflate(_ data: [UInt8], piece: Int) throws -> (bytes: [UInt8], largestSlice: Int) {
        let stream = try GzipStream(source: "test data")
        var output: [UInt8] = []
        var largest = 0
        var offset = 0
        while offset < data.count {
            let end = min(data.count, offset + piece)
            try data[offset..<end].withUnsafeBytes { chunk in
                try stream.feed(chunk) { slice in
                    largest = max(largest, slice.count)
                    output.append(contentsOf: slice)
                }
            }
            offset = end
        }
        try stream.finish()
        return (output, largest)
    }

    func testAnySplitMatchesWholeDecompression() throws {
        let fixture = try TestSupport.fixtureBytes(.trainImages)
        let whole = try Gzip.decompress(fixture)
        for piece in [1, 7, 4096, fixture.count] {
            let streamed = try inflate(fixture, piece: piece)
            XCTAssertEqual(streamed.bytes, whole, "pieces of \(piece) bytes")
            XCTAssertLessThanOrEqual(streamed.largestSlice, 1 << 16)
        }
    }

    func testJoinsMembersAndRefusesTrailingBytes() throws {
        let member = GzipBomb.zeros(decodedBytes: 1000)
        XCTAssertEqual(try inflate(member + member, piece: 5).bytes, [UInt8](repeating: 0, count: 2000))
        XCTAssertThrowsError(try inflate(member + [0x42, 0x42], piece: 3)) { error in
            XCTAssertEqual(error as? DatasetError, .gzipTrailingData(source: "test data", count: 2))
        }
    }

    func testRefusesTruncatedAndCorruptStreams() throws {
        let member = GzipBomb.zeros(decodedBytes: 1000)
        XCTAssertThrowsDatasetError(try inflate(Array(member.dropLast(4)), piece: 100), .gzipTruncated(source: "test data"))
        XCTAssertThrowsDatasetError(try inflate([], piece: 1), .gzipTruncated(source: "test data"))
        XCTAssertThrowsError(try inflate(Array("not gzip at all".utf8), piece: 4)) { error in
            guard case .gzipCorrupt = error as? DatasetError else { return XCTFail("\(error)") }
        }
    }

    func testSinkCanStopABomb() throws {
        let bomb = GzipBomb.zeros(decodedBytes: 64 << 20)
        let stream = try GzipStream(source: "bomb")
        struct Enough: Error {}
        var seen = 0
        XCTAssertThrowsError(try bomb.withUnsafeBytes { all in
            try stream.feed(all) { slice in
                seen += slice.count
                if seen > 1_000_000 { throw Enough() }
            }
        }) { XCTAssertTrue($0 is Enough) }
        XCTAssertLessThanOrEqual(seen, 1_000_000 + (1 << 16), "decoding stopped at the first slice past the limit")
    }
}
