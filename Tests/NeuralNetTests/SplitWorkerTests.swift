import XCTest
@testable import NeuralNet

/// The helper thread's hand-offs: every half runs exactly once, whoever takes it.
final class SplitWorkerTests: XCTestCase {
    func testEveryHalfRunsExactlyOnce() {
        let worker = SplitWorker()
        defer { worker.stop() }
        let counts = Buffer<Int>(count: 2, filledWith: 0)
        for _ in 0..<20_000 { worker.both { half in counts.pointer[half] += 1 } }
        XCTAssertEqual(counts.array, [20_000, 20_000])

        let marks = Buffer<Int>(count: 100_000, filledWith: 0)
        for _ in 0..<3 {
            worker.split(count: marks.count) { range in
                for i in range { marks.pointer[i] += 1 }
            }
        }
        XCTAssertTrue(marks.array.allSatisfy { $0 == 3 })
    }

    func testAWorkerThatDoesNotShareLeavesEveryChunkToTheCaller() {
        let worker = SplitWorker()
        defer { worker.stop() }
        worker.isSharing = false
        let caller = Thread.current
        var ranOnCaller = 0
        worker.chunks(5) { _ in if Thread.current == caller { ranOnCaller += 1 } }
        XCTAssertEqual(ranOnCaller, 5)
    }

    func testHalvesCoverTheWholeRangeWithOrWithoutAWorker() {
        let worker = SplitWorker()
        defer { worker.stop() }
        for total in [0, 1, 2, 7, 128] {
            for helper in [worker, nil] {
                let seen = Buffer<Int>(count: max(total, 1), filledWith: 0)
                Halves.run(total, worker: helper) { start, count in
                    for i in start..<(start + count) { seen.pointer[i] += 1 }
                }
                XCTAssertEqual(Array(seen.array.prefix(total)), [Int](repeating: 1, count: total), "total \(total)")
            }
        }
    }
}
