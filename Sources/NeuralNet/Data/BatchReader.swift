/// Copies rows of `Examples` into a workspace's batch buffers: features widened to `Float` with the
/// scale folded in (uint8 stays compact until a batch needs it), labels as they are.
struct BatchReader {
    private let features: Examples.Features
    private let labels: [Int32]
    private let sampleSize: Int

    init(_ examples: Examples) {
        features = examples.features
        labels = examples.labels
        sampleSize = examples.sampleSize
    }

    /// Loads `count` rows into `slot.input` (count, sampleSize) and `slot.labels` (count): rows
    /// `order[start..<start+count]` when `order` is given (a shuffle), else `start..<start+count`.
    /// With a `worker`, each thread widens half of the rows.
    func load(start: Int, count: Int, order: UnsafePointer<Int32>?, into slot: BatchSlot<Float>,
              worker: SplitWorker? = nil) {
        let size = sampleSize
        let input = slot.input.pointer
        let labelBuffer = slot.labels.pointer
        let touched = slot.touched.pointer
        @inline(__always) func row(_ i: Int) -> Int { order.map { Int($0[start + i]) } ?? start + i }
        @inline(__always) func widen(_ base: UnsafePointer<UInt8>, scale: Float, rows: Range<Int>) -> UInt8 {
            // Shuffled rows miss every cache. Touching one byte per cache line of all the batch's
            // rows first lets their loads run in parallel; the conversion then reads from cache
            // (3× faster than converting row by row and waiting on each miss).
            var touched: UInt8 = 0
            for i in rows {
                let from = base + row(i) * size
                var offset = 0
                while offset < size {
                    touched |= from[offset]
                    offset += 64
                }
                touched |= from[size - 1]
            }
            for i in rows {
                let from = base + row(i) * size, to = input + i * size
                for j in 0..<size { to[j] = Float(from[j]) * scale }
            }
            return touched
        }
        switch features {
        case .bytes(let bytes, let scale):
            bytes.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                let sharing = count * size >= SplitWorker.minimumCount ? worker : nil
                Halves.run(count, worker: sharing) { first, rows in
                    touched[first == 0 ? 0 : 1] = widen(base, scale: scale, rows: first..<first + rows)
                }
            }
        case .floats(let floats):
            floats.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                for i in 0..<count {
                    (input + i * size).update(from: base + row(i) * size, count: size)
                }
            }
        }
        labels.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            for i in 0..<count { labelBuffer[i] = base[row(i)] }
        }
    }
}
