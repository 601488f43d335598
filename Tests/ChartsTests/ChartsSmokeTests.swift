import XCTest
@testable import Charts

final class ChartsSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
