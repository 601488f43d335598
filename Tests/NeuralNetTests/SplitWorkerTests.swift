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

/// The first epoch's choice between sharing steps with the helper thread and running them alone.
final class SharingTrialTests: XCTestCase {
    func testOneSlowStepDoesNotDecideTheChoice() {
        let shared = [1.0, 1.1, 9.0, 1.0, 1.05], alone = [1.6, 1.7, 1.6, 1.65, 1.6]
        XCTAssertTrue(SharingTrial.prefersSharing(shared: shared, alone: alone))
        XCTAssertFalse(SharingTrial.prefersSharing(shared: alone, alone: shared))
    }

    func testTheTrialAlternatesSettingsAndThenKeepsTheFasterOne() throws {
        let worker = SplitWorker()
        defer { worker.stop() }
        var trial = try XCTUnwrap(SharingTrial(worker: worker, steps: 100))
        var settings: [Bool] = []
        var step = 0, decided = false
        while !decided {
            trial.beforeStep(step)
            if step >= 1 { settings.append(worker.isSharing) }
            decided = trial.afterStep(step)
            step += 1
        }
        XCTAssertEqual(settings.count, 2 * trial.length)
        XCTAssertEqual(settings, (0..<(2 * trial.length)).map { $0 % 2 == 0 })
        XCTAssertNil(SharingTrial(worker: worker, steps: 8), "too few steps to time both settings")
    }
}

/// How many cores Folio plans for.
final class CoreCountTests: XCTestCase {
    func testCoresAreAtLeastOneAndAtMostTheOnlineProcessors() {
        XCTAssertGreaterThanOrEqual(BLASThreads.cores, 1)
        XCTAssertLessThanOrEqual(BLASThreads.cores, ProcessInfo.processInfo.activeProcessorCount)
    }
}
