import XCTest
@testable import NeuralNet

/// Loading a batch: shuffled rows widened from bytes, the same with the rows shared between two threads.
final class BatchReaderTests: XCTestCase {
    func testSharedLoadingWidensTheSameRowsAsLoadingAlone() throws {
        let rows = 300, size = 784, batch = 101
        var generator = SeededGenerator(seed: 4)
        let bytes = (0..<(rows * size)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let examples = Examples(count: rows, sampleShape: [28, 28], features: .bytes(bytes, scale: 1 / 255),
                                targets: .labels((0..<rows).map { Int32($0 % 10) }))
        let reader = BatchReader(examples)
        let order = Buffer<Int32>(count: rows, filledWith: 0)
        for i in 0..<rows { order.pointer[i] = Int32((i * 7 + 3) % rows) }
        let worker = SplitWorker()
        defer { worker.stop() }
        let alone = BatchSlot<Float>(capacity: batch, sampleSize: size)
        let shared = BatchSlot<Float>(capacity: batch, sampleSize: size)
        reader.load(start: 5, count: batch, order: order.pointer, into: alone)
        reader.load(start: 5, count: batch, order: order.pointer, into: shared, worker: worker)
        XCTAssertEqual(shared.input.array, alone.input.array)
        XCTAssertEqual(shared.labels.array, alone.labels.array)
        let third = Int(order.pointer[5 + 2])
        XCTAssertEqual(Array(shared.input.array[(2 * size)..<(3 * size)]),
                       bytes[(third * size)..<((third + 1) * size)].map { Float($0) * (1 / 255) })
        XCTAssertEqual(shared.labels.pointer[2], Int32(third % 10))
    }
}
