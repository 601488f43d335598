import Dispatch
import Foundation
import Limits
import Synchronization

/// Runs notebooks one at a time on a dedicated thread — never on Swift's cooperative pool, where a
/// synchronous `fit` would hold one of the server's two threads for its whole length.
///
/// `requestRun()` asks for a run; if one is in flight it is cancelled (`.superseded`) and the new one
/// starts once it has stopped. Requests that arrive together make one run.
final class RunScheduler: Sendable {
    private struct State {
        var pending = false
        var stopped = false
        var current: Cancellation?
    }

    private enum Next { case run(Cancellation), wait, stop }

    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)
    private let work: @Sendable (Cancellation) -> Void

    /// `work` runs one notebook, honouring its `Cancellation`.
    init(work: @escaping @Sendable (Cancellation) -> Void) {
        self.work = work
    }

    /// Starts the run thread (with the main thread's 8 MB of stack, as `folio run` has).
    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "folio-preview-run"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Asks for a run, superseding the one in flight.
    func requestRun() {
        state.withLock { state in
            state.pending = true
            state.current?.cancel(.superseded)
        }
        wake.signal()
    }

    /// Whether a run is in flight or waiting to start.
    var isBusy: Bool { state.withLock { $0.pending || $0.current != nil } }

    /// Stops the run in flight (as an interruption) and ends the thread.
    func stop() {
        state.withLock { state in
            state.stopped = true
            state.current?.cancel(.interrupt)
        }
        wake.signal()
    }

    private func loop() {
        while true {
            wake.wait()
            let next: Next = state.withLock { state in
                if state.stopped { return .stop }
                guard state.pending else { return .wait }
                state.pending = false
                let cancellation = Cancellation()
                state.current = cancellation
                return .run(cancellation)
            }
            switch next {
            case .stop: return
            case .wait: continue
            case .run(let cancellation):
                work(cancellation)
                state.withLock { $0.current = nil }
            }
        }
    }
}
