import Foundation
import Limits
import XCTest
@testable import Datasets

/// A download whose `Cancellation` is asked for is abandoned at the next poll, not at its deadline.
final class CancelledDownloadTests: XCTestCase {
    func testAnAbandonedTransferThrowsCancelledWithinASecond() throws {
        let cancellation = Cancellation()
        let runner = BlockingRunner(deadline: 60, cancellation: cancellation)
        let started = Date()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { cancellation.cancel(.interrupt) }
        XCTAssertThrowsError(try runner.run { () async throws -> Int in
            // A transfer that never ends by itself (a server that stalls).
            try await Task.sleep(nanoseconds: 120_000_000_000)
            return 1
        }) { error in
            XCTAssertEqual(error as? Cancelled, Cancelled(reason: .interrupt))
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.3)
    }

    func testADownloaderGivenACancelledRequestKeepsNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cancel-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cancellation = Cancellation()
        cancellation.cancel(.terminate)
        // Port 9 (discard) on loopback: refused or silent, either way the cancellation comes first.
        let locator = DatasetLocator(environment: ["FOLIO_DATASET_MIRROR": "http://127.0.0.1:9/",
                                                  "XDG_CACHE_HOME": folder.path],
                                     homeDirectory: folder, cancellation: cancellation)
        XCTAssertThrowsError(try locator.locate(.mnist)) { error in
            XCTAssertEqual(error as? Cancelled, Cancelled(reason: .terminate), "\(error)")
        }
        let cached = (try? FileManager.default.contentsOfDirectory(atPath: locator.cacheDirectory(for: "mnist").path)) ?? []
        XCTAssertEqual(cached, [])
    }
}
