import XCTest
@testable import Limits

final class CancellationTests: XCTestCase {
    func testANewCancellationLetsTheRunGoOn() {
        let cancellation = Cancellation()
        XCTAssertFalse(cancellation.isCancelled)
        XCTAssertNil(cancellation.reason)
    }

    func testTheFirstReasonIsKept() {
        let cancellation = Cancellation()
        cancellation.cancel(.terminate)
        cancellation.cancel(.interrupt)
        XCTAssertTrue(cancellation.isCancelled)
        XCTAssertEqual(cancellation.reason, .terminate)
    }

    func testAnotherThreadSeesTheRequest() {
        let cancellation = Cancellation()
        let seen = expectation(description: "seen")
        Thread.detachNewThread {
            while !cancellation.isCancelled { usleep(100) }
            seen.fulfill()
        }
        cancellation.cancel(.superseded)
        wait(for: [seen], timeout: 5)
    }

    func testCheckThrowsTheReasonOnceAsked() throws {
        let cancellation = Cancellation()
        XCTAssertNoThrow(try cancellation.check())
        cancellation.cancel(.interrupt)
        XCTAssertThrowsError(try cancellation.check()) { error in
            XCTAssertEqual(error as? Cancelled, Cancelled(reason: .interrupt))
        }
        XCTAssertEqual(Cancelled(reason: .terminate).description, "stopped: SIGTERM")
    }
}
