import Foundation
import XCTest
@testable import Datasets

/// Downloads are written by `Files.AtomicFile`, the one writer, under its rules: a link in the cache
/// is written through, links that never end are refused, and no temporary is left behind.
extension DatasetDownloadTests {
    func testDanglingLinkInTheCacheIsWrittenThrough() throws {
        let server = try mirrorServer()
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let link = cache.appendingPathComponent(DatasetFileName.trainLabels.gzipName)
        let target = elsewhere.appendingPathComponent("labels.gz")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)

        _ = try locator(mirror: server.url("/mirror/")).locate(spec)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), target.path, "the link stays a link")
        XCTAssertEqual([UInt8](try Data(contentsOf: target)), try TestSupport.fixtureBytes(.trainLabels))
        XCTAssertEqual(cachedNames(), DatasetFileName.allCases.map(\.gzipName).sorted(), "no temporaries beside them")
    }

    func testLinksThatNeverEndAreRefusedAndNothingIsKept() throws {
        let server = try mirrorServer()
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let name = DatasetFileName.trainLabels.gzipName
        try FileManager.default.createSymbolicLink(atPath: cache.appendingPathComponent(name).path, withDestinationPath: "loop")
        try FileManager.default.createSymbolicLink(atPath: cache.appendingPathComponent("loop").path, withDestinationPath: name)

        XCTAssertThrowsError(try locator(mirror: server.url("/mirror/")).locate(spec)) { error in
            guard case .cacheNotWritable(_, let reason)? = error as? DatasetError else { return XCTFail("\(error)") }
            XCTAssertEqual(reason, "its symbolic links lead in a circle or too deep")
        }
        XCTAssertEqual(cachedNames(), ["loop", name].sorted(), "the file written before the refusal is removed again")
    }

    func testTemporariesOfAKilledDownloadAreRemoved() throws {
        let server = try mirrorServer()
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let stale = ".\(DatasetFileName.testImages.gzipName).\(finished.processIdentifier).12345.tmp"
        try Data(repeating: 0, count: 4096).write(to: cache.appendingPathComponent(stale))

        _ = try locator(mirror: server.url("/mirror/")).locate(spec)
        XCTAssertEqual(cachedNames(), DatasetFileName.allCases.map(\.gzipName).sorted(), "the dead process's temporary is gone")
    }
}
