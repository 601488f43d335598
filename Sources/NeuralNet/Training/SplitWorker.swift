import Dispatch
import Foundation

/// A second thread that takes half of a big element-wise loop (the optimizer update of a large
/// model) while the calling thread does the other half.
///
/// BLAS already uses both cores for such models' products, but the optimizer update between them
/// ran on one core while the other idled. Each half writes disjoint elements, so results are
/// identical to the single-threaded loop. No allocation per call: the body is borrowed, not copied,
/// and the worker is done with it before `split` returns.
final class SplitWorker {
    /// Below this many elements a split costs more (the wake-up) than it saves.
    static let minimumCount = 65_536

    private let request = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    /// Set by `split` before signalling `request`; nil tells the worker to exit.
    private var job: ((Range<Int>) -> Void, Range<Int>)?

    init() {
        let thread = Thread { [self] in work() }
        thread.name = "folio-split-worker"
        thread.start()
    }

    /// Runs `body` over `0..<count` in two halves, one on the worker; returns when both are done.
    func split(count: Int, _ body: (Range<Int>) -> Void) {
        guard count >= Self.minimumCount else { return body(0..<count) }
        let middle = count / 2 / 16 * 16
        withoutActuallyEscaping(body) { borrowed in
            job = (borrowed, middle..<count)
            request.signal()
            borrowed(0..<middle)
            done.wait()
            job = nil
        }
    }

    /// Runs `body(0)` on the calling thread and `body(1)` on the worker at the same time; returns
    /// when both are done.
    func both(_ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { borrowed in
            job = ({ range in borrowed(range.lowerBound) }, 1..<2)
            request.signal()
            borrowed(0)
            done.wait()
            job = nil
        }
    }

    /// Ends the worker thread.
    func stop() {
        job = nil
        request.signal()
        finished.wait()
    }

    private func work() {
        while true {
            request.wait()
            guard job != nil else { break }
            runJob()
            done.signal()
        }
        finished.signal()
    }

    /// Runs the current job; its copy of the borrowed body is released on return, before `done`
    /// is signalled, as `withoutActuallyEscaping` requires.
    @inline(never)
    private func runJob() {
        guard let (body, range) = job else { return }
        body(range)
    }
}
