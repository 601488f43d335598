import XCTest
@testable import Charts

final class NiceScaleTests: XCTestCase {
    func testCoveringExtendsToWholeSteps() {
        let scale = NiceScale.covering(0.03, 2.31)
        XCTAssertEqual(scale.lower, 0)
        XCTAssertEqual(scale.upper, 2.5)
        XCTAssertEqual(scale.ticks, [0, 0.5, 1, 1.5, 2, 2.5])
        XCTAssertEqual(scale.ticks.map(scale.label), ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"])
    }

    func testTicksCarryNoFloatNoise() {
        let scale = NiceScale.fixed(0, 1, targetTickCount: 10)
        XCTAssertEqual(scale.ticks, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])
        XCTAssertEqual(scale.label(0.1 + 0.2), "0.3")
        XCTAssertEqual(NiceScale.fixed(0, 1).ticks, [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    func testStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        for (low, high) in [(0.0, 7.3), (-3.2, -1.1), (1234.0, 98765.0), (0.00011, 0.00049), (-5.0, 5.0), (0.9, 0.99)] {
            let scale = NiceScale.covering(low, high)
            XCTAssertLessThanOrEqual(scale.lower, low)
            XCTAssertGreaterThanOrEqual(scale.upper, high)
            XCTAssertTrue((3...11).contains(scale.ticks.count), "\(low)…\(high): \(scale.ticks)")
            let step = scale.ticks[1] - scale.ticks[0]
            let mantissa = step / pow(10, Double(scale.stepExponent))
            XCTAssertTrue([1.0, 2, 5].contains { abs($0 - mantissa) < 1e-9 }, "step \(step)")
        }
    }

    func testSmallValuesGetCompactLabels() {
        let scale = NiceScale.covering(0.0001, 0.0005)
        XCTAssertEqual(scale.ticks.map(scale.label), ["1e-4", "2e-4", "3e-4", "4e-4", "5e-4"])
        let finer = NiceScale.fixed(0, 0.0002, targetTickCount: 4)
        XCTAssertEqual(finer.ticks.map(finer.label), ["0", "5e-5", "1e-4", "1.5e-4", "2e-4"])
        let large = NiceScale.covering(0, 3_000_000)
        XCTAssertEqual(large.label(large.ticks.last ?? 0), "3e6")
    }

    func testDegenerateAndNonFiniteRangesStillGiveAUsableScale() {
        let constant = NiceScale.covering(2, 2)
        XCTAssertLessThan(constant.lower, 2)
        XCTAssertGreaterThan(constant.upper, 2)
        let zero = NiceScale.covering(0, 0)
        XCTAssertEqual(zero.lower, -1)
        XCTAssertEqual(zero.upper, 1)
        for scale in [NiceScale.covering(.nan, 1), NiceScale.fixed(0, .infinity), NiceScale.covering(-1e308, 1e308),
                      NiceScale.fixed(5, 5), NiceScale.covering(1e15, 1e15 + 0.5)] {
            XCTAssertFalse(scale.ticks.isEmpty)
            XCTAssertTrue(scale.ticks.allSatisfy(\.isFinite))
            XCTAssertLessThan(scale.lower, scale.upper)
        }
    }

    func testFractionMapsTheEnds() {
        let scale = NiceScale.fixed(-1, 3)
        XCTAssertEqual(scale.fraction(of: -1), 0)
        XCTAssertEqual(scale.fraction(of: 3), 1)
        XCTAssertEqual(scale.fraction(of: 1), 0.5)
        XCTAssertNil(scale.fraction(of: .nan))
    }

    func testIntegerTicksThinOutWithManyEpochs() {
        XCTAssertEqual(IntegerTicks.within(1, 10, maxCount: 12), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        XCTAssertEqual(IntegerTicks.within(1, 10, maxCount: 5), [2, 4, 6, 8, 10])
        XCTAssertEqual(IntegerTicks.within(1, 50, maxCount: 8), [10, 20, 30, 40, 50])
        XCTAssertEqual(IntegerTicks.within(1, 200, maxCount: 12), [20, 40, 60, 80, 100, 120, 140, 160, 180, 200])
        XCTAssertEqual(IntegerTicks.within(0.5, 1.5, maxCount: 5), [1])
        XCTAssertEqual(IntegerTicks.within(0.2, 0.8, maxCount: 5), [])
        XCTAssertEqual(IntegerTicks.within(.nan, 3, maxCount: 5), [])
        XCTAssertEqual(IntegerTicks.within(1, 1e14, maxCount: 5), [])
    }
}
