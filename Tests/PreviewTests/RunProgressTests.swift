import Foundation
import Limits
import NeuralNet
import Notebook
import Runner
import Synchronization
import XCTest
@testable import Preview

/// The status line, its throttle, the event hub and the one-run-at-a-time scheduler.
final class RunProgressTests: XCTestCase {
    func testTheStatusLineNamesTheCellAndTheFitsProgress() throws {
        let document = try NotebookParser.parse(source: "```build\ndense 10 softmax input=4\n```\n\n```summary\n```\n", path: "nb.md")
        var status = RunStatus()
        XCTAssertEqual(status.line(after: .cellStarted(document.cells[1], of: 2)), "[2/2] summary (line 5)")
        XCTAssertEqual(status.line(after: .training(.epochStarted(epoch: 3, epochs: 10, steps: 270))),
                       "[2/2] summary (line 5) — epoch 3/10, batch 0/270")
        XCTAssertEqual(status.line(after: .training(.batchFinished(epoch: 3, step: 120, steps: 270, loss: 0.25, accuracy: 0.9, elapsed: 1))),
                       "[2/2] summary (line 5) — epoch 3/10, batch 120/270, loss 0.2500, accuracy 0.9000")
    }

    func testTheThrottleLetsTenLinesASecondThroughAndKeepsTheLast() throws {
        let sent = Mutex<[String]>([])
        let throttle = StatusThrottle(interval: .milliseconds(100)) { line in sent.withLock { $0.append(line) } }
        for index in 0..<50 { throttle.offer("line \(index)") }
        XCTAssertEqual(sent.withLock { $0 }, ["line 0"])
        throttle.flush()
        XCTAssertEqual(sent.withLock { $0 }, ["line 0"], "too early: the held line waits its turn")
        Thread.sleep(forTimeInterval: 0.12)
        throttle.flush()
        XCTAssertEqual(sent.withLock { $0 }, ["line 0", "line 49"])
        throttle.flush()
        XCTAssertEqual(sent.withLock { $0 }.count, 2)
    }

    func testTheHubGreetsThenBroadcastsAndForgetsClosedStreams() async throws {
        let hub = EventHub()
        let stream = hub.subscribe { [.reload(generation: 1)] }
        var gone: AsyncStream<ServerSentEvent>? = hub.subscribe { [] }
        XCTAssertEqual(hub.subscriberCount, 2)
        gone = nil
        XCTAssertNil(gone)
        XCTAssertEqual(hub.subscriberCount, 1, "a stream nobody reads any more (the page went away) is forgotten")
        hub.publish(.status("[1/2] build (line 1)"))
        var iterator = stream.makeAsyncIterator()
        let first = await iterator.next()
        let second = await iterator.next()
        XCTAssertEqual(first, .reload(generation: 1))
        XCTAssertEqual(second, .status("[1/2] build (line 1)"))
        hub.close()
        let end = await iterator.next()
        XCTAssertNil(end)
        XCTAssertEqual(hub.subscriberCount, 0)
    }

    func testASecondRequestSupersedesTheRunInFlightAndRunsAgain() throws {
        let log = Mutex<[String]>([])
        let started = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let scheduler = RunScheduler { cancellation in
            let number = log.withLock { entries -> Int in
                entries.append("start")
                return entries.filter { $0 == "start" }.count
            }
            started.signal()
            // The first run waits to be superseded (a long fit); the second ends at once.
            let deadline = Date().addingTimeInterval(5)
            while number == 1, !cancellation.isCancelled, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
            log.withLock { $0.append("end \(cancellation.reason.map { "\($0)" } ?? "finished")") }
            finished.signal()
        }
        scheduler.start()
        defer { scheduler.stop() }
        scheduler.requestRun()
        XCTAssertEqual(started.wait(timeout: .now() + 5), .success)
        XCTAssertTrue(scheduler.isBusy)
        scheduler.requestRun()
        XCTAssertEqual(finished.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(finished.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(log.withLock { $0 }, ["start", "end superseded", "start", "end finished"])
    }
}
