import XCTest
@testable import NeuralNet

/// The caller's wait for the worker's last chunk: bounded polling, then a blocking wait that the
/// worker ends — a slow worker neither loses chunks nor keeps the caller spinning.
final class SplitWorkerWaitTests: XCTestCase {
    func testACallerOutwaitingItsSpinSleepsUntilTheWorkerFinishes() {
        let worker = SplitWorker()
        defer { worker.stop() }
        XCTAssertTrue(worker.isReady)
        let caller = Thread.current
        let counts = Buffer<Int>(count: 2, filledWith: 0)
        let started = Date()
        for _ in 0..<5 {
            worker.both { half in
                // The worker's chunk takes far longer than the caller's polling budget.
                if Thread.current != caller { usleep(50_000) }
                counts.pointer[half] += 1
            }
        }
        XCTAssertEqual(counts.array, [5, 5])
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        let usage = Self.cpuSeconds()
        for _ in 0..<3 { worker.both { _ in if Thread.current != caller { usleep(200_000) } } }
        // 0.6 s of waiting: spinning would burn most of it; sleeping burns little.
        XCTAssertLessThan(Self.cpuSeconds() - usage, 0.3)
    }

    func testAWorkerThatIsNotReadyLeavesEveryChunkToTheCaller() {
        let worker = SplitWorker()
        worker.stop()
        let caller = Thread.current
        var ranOnCaller = 0
        worker.chunks(7) { _ in if Thread.current == caller { ranOnCaller += 1 } }
        XCTAssertEqual(ranOnCaller, 7)
    }

    /// User and system CPU time of the whole process so far.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
