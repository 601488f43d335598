/// Splits a layer's work in two fixed halves — of the batch, or of a product's output rows — run
/// at the same time when a `SplitWorker` is given, one after the other otherwise.
///
/// The split is the same either way, so results do not depend on whether a second core was free.
/// Each half writes disjoint elements, so the two never race.
enum Halves {
    /// Calls `body(start, count)` for `0..<total` cut at `total / 2`; an empty half is skipped.
    @inline(__always)
    static func run(_ total: Int, worker: SplitWorker?, _ body: (_ start: Int, _ count: Int) -> Void) {
        let middle = total / 2
        guard let worker, middle > 0 else {
            if middle > 0 { body(0, middle) }
            body(middle, total - middle)
            return
        }
        worker.both { half in
            if half == 0 { body(0, middle) } else { body(middle, total - middle) }
        }
    }
}
