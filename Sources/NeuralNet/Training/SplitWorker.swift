#if canImport(Glibc)
import Glibc
#endif
import CBLAS
import Dispatch
import Foundation
import Limits
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
/// product. The caller likewise polls for the worker's last chunk only a few milliseconds before it
/// sleeps on a semaphore the worker signals, so a stalled worker never leaves a core spinning.
///
/// No job waits on a worker that cannot run it: the worker takes chunks only once it has started
/// and made its first OpenBLAS product (which maps its buffer — OpenBLAS retries a failed mapping
/// forever); until then, or when the thread could not be created, the caller runs every chunk.
///
/// `@unchecked Sendable` (it is handed to its own pthread): every field both threads touch is an
/// `Atomic` or a semaphore, except `body`, which the caller writes only before publishing a job
/// (a sequentially consistent store to `posted`) and the worker reads only while it holds one of that
/// job's chunks, and `isSharing`, which only the caller's thread reads or writes. The body's
/// buffers are split into disjoint chunks, so no element is written by both threads.
final class SplitWorker: @unchecked Sendable {
    /// Below this many elements an element-wise split costs more than it saves.
    static let minimumCount = 65_536
    /// Most chunks one call can have.
    static let maximumChunks = 1023
    /// Polls of the job counter before the idle worker goes to sleep (a few milliseconds).
    static let spinLimit = 20_000
    /// How long `init` waits for the worker to be ready before the caller goes on alone.
    static let startTimeout = DispatchTimeInterval.milliseconds(500)
    /// How long `stop` waits for the worker to end before leaving it (one stuck in a library).
    static let stopTimeout = DispatchTimeInterval.seconds(2)

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
    /// True once the worker thread runs and has made its first product; it takes no chunk before.
    private let ready = Atomic<Bool>(false)
    private let readied = DispatchSemaphore(value: 0)
    /// True while the caller sleeps (or is about to) on `finished`, waiting for the worker's last chunk.
    private let callerWaiting = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    /// The current job's chunk body; read by the worker only while it holds one of its chunks.
    /// Not optional: a closure stored in an `Optional` is wrapped in one more heap-allocated thunk.
    private var body: (Int) -> Void = SplitWorker.noJob
    private static let noJob: (Int) -> Void = { _ in }
    /// False: the caller runs every chunk itself (same chunks, same results). `TrainingRun` turns
    /// sharing off when it measures that the second core does not help (a busy host).
    var isSharing = true

    /// Starts the worker thread, with OpenBLAS kept on one thread (each half's products run on
    /// their own core), and waits briefly for it to be ready. When the thread cannot be created
    /// (or is not ready in time) the caller runs every chunk itself.
    init() {
        BLASThreads.useOne()
        MallocArenas.limit()
        guard start() else {
            isSharing = false
            return
        }
        if readied.wait(timeout: .now() + Self.startTimeout) == .timedOut { isSharing = false }
    }

    /// A worker when this machine has a second core to give it and memory for the thread (its stack,
    /// malloc arena and OpenBLAS buffer), else nil; OpenBLAS on one thread either way.
    static func forThisMachine() -> SplitWorker? {
        guard BLASThreads.cores > 1, MemoryBudget.affordsHelperThread() else {
            BLASThreads.useOne()
            return nil
        }
        let worker = SplitWorker()
        guard worker.isReady else {
            worker.stop()
            return nil
        }
        return worker
    }

    /// True when the worker thread runs and takes chunks.
    var isReady: Bool { ready.load(ordering: .acquiring) }

    /// Creates the detached worker thread, which holds a reference to `self` until it ends; false
    /// when the system refuses.
    private func start() -> Bool {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return false }
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            let worker = Unmanaged<SplitWorker>.fromOpaque(context).takeRetainedValue()
            worker.work()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<SplitWorker>.fromOpaque(context).release()
            return false
        }
        return true
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
        guard isSharing, count > 1, count <= Self.maximumChunks, ready.load(ordering: .relaxed) else {
            for chunk in 0..<count { body(chunk) }
            return
        }
        withoutActuallyEscaping(body) { borrowed in
            let ticket = post(borrowed, chunks: count)
            while let chunk = claim(ticket) {
                borrowed(chunk)
                finishedChunks.add(1, ordering: .releasing)
            }
            awaitChunks(count)
            self.body = Self.noJob
        }
    }

    /// Returns once all `count` chunks of the current job are finished: polls a few milliseconds
    /// (yielding the core after the first polls), then sleeps until the worker's last chunk.
    private func awaitChunks(_ count: Int) {
        var polls = 0
        while finishedChunks.load(ordering: .acquiring) != count {
            polls += 1
            if polls > 64 { sched_yield() }
            guard polls >= Self.spinLimit else { continue }
            callerWaiting.store(true, ordering: .sequentiallyConsistent)
            if finishedChunks.load(ordering: .sequentiallyConsistent) != count {
                finished.wait()
            } else if !callerWaiting.exchange(false, ordering: .sequentiallyConsistent) {
                finished.wait()   // the worker saw us waiting and signalled: take that signal
            }
        }
    }

    /// Ends the worker thread; gives up waiting after `stopTimeout` (a worker stuck in a library
    /// keeps its own reference and is left behind).
    func stop() {
        ready.store(false, ordering: .sequentiallyConsistent)   // later calls run on the caller
        stopping.store(true, ordering: .sequentiallyConsistent)
        _ = post(Self.noJob, chunks: 0)
        _ = exited.wait(timeout: .now() + Self.stopTimeout)
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
        Self.warmUpBLAS()
        MallocArenas.noteHelperRan()
        ready.store(true, ordering: .releasing)
        readied.signal()
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
            let count = (cursor.load(ordering: .sequentiallyConsistent) >> 10) & 1023
            while let chunk = claim(seen) {
                runChunk(chunk)
                let done = finishedChunks.add(1, ordering: .sequentiallyConsistent).newValue
                if done == count, callerWaiting.exchange(false, ordering: .sequentiallyConsistent) {
                    finished.signal()
                }
            }
        }
        exited.signal()
    }

    /// One small product on this thread, so OpenBLAS maps its per-thread buffer before the thread
    /// takes any chunk (`forThisMachine` checked there is room for it).
    private static func warmUpBLAS() {
        let side: Int32 = 128
        let a = [Float](repeating: 0, count: Int(side * side))
        var c = [Float](repeating: 0, count: Int(side * side))
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, side, side, side, 1, a, side, a, side, 0, &c, side)
    }

    /// Runs one chunk; the worker's copy of the borrowed body is released on return, before the
    /// chunk is counted as finished, as `withoutActuallyEscaping` requires.
    @inline(never)
    private func runChunk(_ chunk: Int) {
        body(chunk)
    }
}
