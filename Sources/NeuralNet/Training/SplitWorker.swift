import Dispatch
import Foundation
import Synchronization

/// A second thread that shares a piece of work with the calling thread — a big optimizer update,
/// a convolution's half batch, a dense product's parts.
///
/// Work comes as numbered chunks that both threads take one at a time until none are left, so a
/// worker whose core is busy elsewhere (or that is preempted) only delays the chunk it holds:
/// the caller takes the rest. Each chunk writes disjoint elements and its computation does not
/// depend on which thread runs it, so results never depend on timing. The body is borrowed, not
/// copied, and no thread touches it once the call returns; the one allocation per shared call is
/// the 32-byte box in which `withoutActuallyEscaping` hands a closure to another thread.
///
/// Hand-offs take about a microsecond: between jobs the worker polls an atomic counter (yielding
/// its core between polls after the first few) for a few milliseconds before it sleeps on a
/// semaphore, whose wake-up alone costs tens of microseconds — more than a small model's whole
/// product.
final class SplitWorker {
    /// Below this many elements an element-wise split costs more than it saves.
    static let minimumCount = 65_536
    /// Most chunks one call can have.
    static let maximumChunks = 1023
    /// Polls of the job counter before the idle worker goes to sleep (a few milliseconds).
    static let spinLimit = 20_000

    /// Jobs posted so far.
    private let posted = Atomic<Int>(0)
    /// The current job's number (bits 20…), chunk count (bits 10…19) and next free chunk (bits 0…9).
    private let cursor = Atomic<Int>(0)
    /// Chunks of the current job finished so far.
    private let finishedChunks = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    /// True while the worker sleeps (or is about to) on `wake`.
    private let sleeping = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    private let exited = DispatchSemaphore(value: 0)
    /// The current job's chunk body; read by the worker only while it holds one of its chunks.
    /// Not optional: a closure stored in an `Optional` is wrapped in one more heap-allocated thunk.
    private var body: (Int) -> Void = SplitWorker.noJob
    private static let noJob: (Int) -> Void = { _ in }
    /// False: the caller runs every chunk itself (same chunks, same results). `TrainingRun` turns
    /// sharing off when it measures that the second core does not help (a busy host).
    var isSharing = true

    /// Starts the worker thread, with OpenBLAS kept on one thread (each half's products run on
    /// their own core).
    init() {
        BLASThreads.useOne()
        let thread = Thread { [self] in work() }
        thread.name = "folio-split-worker"
        thread.start()
    }

    /// A worker when this machine has a second core to give it, else nil; OpenBLAS on one thread
    /// either way.
    static func forThisMachine() -> SplitWorker? {
        guard BLASThreads.cores > 1 else {
            BLASThreads.useOne()
            return nil
        }
        return SplitWorker()
    }

    /// Runs `body` over `0..<count` in two halves, shared with the worker; returns when both are done.
    func split(count: Int, _ body: (Range<Int>) -> Void) {
        guard count >= Self.minimumCount else { return body(0..<count) }
        let middle = count / 2 / 16 * 16
        chunks(2) { chunk in body(chunk == 0 ? 0..<middle : middle..<count) }
    }

    /// Runs `body(0)` and `body(1)`, one on each thread when the worker is free; returns when both are done.
    func both(_ body: (Int) -> Void) {
        chunks(2, body)
    }

    /// Runs `body(c)` for every chunk c in `0..<count` (at most `maximumChunks`), shared with the
    /// worker; returns when all are done.
    func chunks(_ count: Int, _ body: (Int) -> Void) {
        guard isSharing, count > 1, count <= Self.maximumChunks else {
            for chunk in 0..<count { body(chunk) }
            return
        }
        withoutActuallyEscaping(body) { borrowed in
            let ticket = post(borrowed, chunks: count)
            while let chunk = claim(ticket) {
                borrowed(chunk)
                finishedChunks.add(1, ordering: .releasing)
            }
            var polls = 0
            while finishedChunks.load(ordering: .acquiring) != count {
                polls += 1
                if polls > 64 { sched_yield() }
            }
            self.body = Self.noJob
        }
    }

    /// Ends the worker thread.
    func stop() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        _ = post(Self.noJob, chunks: 0)
        exited.wait()
    }

    /// Publishes a job, wakes the worker if it sleeps; returns the job's number.
    private func post(_ body: @escaping (Int) -> Void, chunks: Int) -> Int {
        let ticket = posted.load(ordering: .relaxed) + 1
        self.body = body
        finishedChunks.store(0, ordering: .sequentiallyConsistent)
        cursor.store(ticket << 20 | chunks << 10, ordering: .sequentiallyConsistent)
        posted.store(ticket, ordering: .sequentiallyConsistent)
        if sleeping.exchange(false, ordering: .sequentiallyConsistent) { wake.signal() }
        return ticket
    }

    /// The next free chunk of job `ticket`, taken; nil when none is left (or the job is over).
    private func claim(_ ticket: Int) -> Int? {
        var value = cursor.load(ordering: .sequentiallyConsistent)
        while true {
            guard value >> 20 == ticket else { return nil }
            let count = (value >> 10) & 1023, next = value & 1023
            guard next < count else { return nil }
            let (exchanged, original) = cursor.compareExchange(expected: value, desired: value + 1,
                                                               ordering: .sequentiallyConsistent)
            if exchanged { return next }
            value = original
        }
    }

    private func work() {
        var seen = 0
        while true {
            var spins = 0
            while posted.load(ordering: .acquiring) == seen {
                spins += 1
                // Past the first polls, give the core back between polls: a tight loop would
                // slow the caller's thread when the two cores are hyper-threads of one.
                if spins > 64 { sched_yield() }
                guard spins >= Self.spinLimit else { continue }
                spins = 0
                sleeping.store(true, ordering: .sequentiallyConsistent)
                if posted.load(ordering: .sequentiallyConsistent) == seen {
                    wake.wait()
                } else if !sleeping.exchange(false, ordering: .sequentiallyConsistent) {
                    wake.wait()   // the poster saw us sleeping and signalled: take that signal
                }
            }
            seen = posted.load(ordering: .acquiring)
            if stopping.load(ordering: .sequentiallyConsistent) { break }
            while let chunk = claim(seen) {
                runChunk(chunk)
                finishedChunks.add(1, ordering: .releasing)
            }
        }
        exited.signal()
    }

    /// Runs one chunk; the worker's copy of the borrowed body is released on return, before the
    /// chunk is counted as finished, as `withoutActuallyEscaping` requires.
    @inline(never)
    private func runChunk(_ chunk: Int) {
        body(chunk)
    }
}
