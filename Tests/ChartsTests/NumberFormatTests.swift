import XCTest
@testable import Charts

final class NumberFormatTests: XCTestCase {
    func testFixed() {
        XCTAssertEqual(NumberFormat.fixed(0.1 + 0.2, decimals: 2), "0.30")
        XCTAssertEqual(NumberFormat.fixed(-0.0001, decimals: 2), "0.00")
        XCTAssertEqual(NumberFormat.fixed(-1.25, decimals: 1), "-1.2")
        XCTAssertEqual(NumberFormat.fixed(.nan, decimals: 2), "n/a")
        XCTAssertEqual(NumberFormat.fixed(-.infinity, decimals: 2), "−∞")
    }

    func testCompactKeepsThreeSignificantDigits() {
        XCTAssertEqual(NumberFormat.compact(0.12345), "0.123")
        XCTAssertEqual(NumberFormat.compact(12.345), "12.3")
        XCTAssertEqual(NumberFormat.compact(1234.6), "1235")
        XCTAssertEqual(NumberFormat.compact(0.5), "0.5")
        XCTAssertEqual(NumberFormat.compact(0.00025), "2.5e-4")
        XCTAssertEqual(NumberFormat.compact(9.996e-4), "1e-3")
        XCTAssertEqual(NumberFormat.compact(12_000_000), "1.2e7")
        XCTAssertEqual(NumberFormat.compact(0), "0")
        XCTAssertEqual(NumberFormat.compact(0.987654, significantDigits: 4), "0.9877")
    }

    func testTickLabels() {
        XCTAssertEqual(NumberFormat.tick(0.30000000000000004, stepExponent: -1), "0.3")
        XCTAssertEqual(NumberFormat.tick(20, stepExponent: 1), "20")
        XCTAssertEqual(NumberFormat.tick(0.0003, stepExponent: -4), "3e-4")
        XCTAssertEqual(NumberFormat.tick(0.00015, stepExponent: -5), "1.5e-4")
        XCTAssertEqual(NumberFormat.tick(-0.0, stepExponent: -1), "0.0")
    }

    func testPercentAndGrouping() {
        XCTAssertEqual(NumberFormat.percent(0.973), "97.3%")
        XCTAssertEqual(NumberFormat.percent(0.5, decimals: 0), "50%")
        XCTAssertEqual(NumberFormat.grouped(9812), "9,812")
        XCTAssertEqual(NumberFormat.grouped(-1_234_567), "-1,234,567")
        XCTAssertEqual(NumberFormat.grouped(12), "12")
    }

    func testSVGCoordinatesNeverSayNaN() {
        XCTAssertEqual(SVGWriter.number(1.005), "1")  // 1.005 is 1.00499… in binary
        XCTAssertEqual(SVGWriter.number(12.5), "12.5")
        XCTAssertEqual(SVGWriter.number(-0.004), "0")
        XCTAssertEqual(SVGWriter.number(-3.14159), "-3.14")
        XCTAssertEqual(SVGWriter.number(0.07), "0.07")
        XCTAssertEqual(SVGWriter.number(.nan), "0")
        XCTAssertEqual(SVGWriter.number(.infinity), "0")
        XCTAssertEqual(SVGWriter.number(1e300), "1000000")
        XCTAssertEqual(SVGWriter.number(-1e300), "-1000000")
    }
}
