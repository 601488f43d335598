import Foundation
import Synchronization

/// Lets at most one status line through per `interval` (10 a second by default), so a fast `fit`
/// does not flood the page; a line held back is sent by `flush()` once its turn comes, so the last
/// line of a quiet stretch is never lost.
final class StatusThrottle: Sendable {
    private struct State {
        var lastSent = ContinuousClock.Instant.now - .seconds(3600)
        var pending: String?
    }

    private let interval: Duration
    private let send: @Sendable (String) -> Void
    private let state = Mutex(State())

    init(interval: Duration = .milliseconds(100), send: @escaping @Sendable (String) -> Void) {
        self.interval = interval
        self.send = send
    }

    /// Sends `line` now if the last one went out at least `interval` ago, else keeps it for `flush()`.
    func offer(_ line: String) {
        let now = ContinuousClock.Instant.now
        let due: Bool = state.withLock { state in
            guard now - state.lastSent >= interval else {
                state.pending = line
                return false
            }
            state.lastSent = now
            state.pending = nil
            return true
        }
        if due { send(line) }
    }

    /// Sends the line held back, if any and if its turn has come (called on a timer).
    func flush() {
        let now = ContinuousClock.Instant.now
        let line: String? = state.withLock { state in
            guard let pending = state.pending, now - state.lastSent >= interval else { return nil }
            state.lastSent = now
            state.pending = nil
            return pending
        }
        if let line { send(line) }
    }

    /// Forgets a line held back (the run it describes has ended).
    func discard() {
        state.withLock { $0.pending = nil }
    }
}
