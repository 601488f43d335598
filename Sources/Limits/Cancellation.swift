import Synchronization

/// A request to stop a run early, shared between the thread that asks (a signal handler's watcher,
/// the preview server when a new save arrives) and the thread that runs the notebook.
///
/// The running side polls `isCancelled` at safe points — the end of a batch in `fit`, `evaluate`
/// and `predict`, between chunks of a download — and stops there, so what it leaves behind
/// (weights, history, the report) is whole. Asking twice is the same as asking once.
public final class Cancellation: Sendable {
    /// Why the run was asked to stop: the report and the exit status say it.
    public enum Reason: Int, Sendable, Equatable {
        /// Ctrl-C (exit 130).
        case interrupt = 2
        /// SIGTERM (exit 143).
        case terminate = 15
        /// A newer run replaces this one (preview: the notebook was saved again).
        case superseded = 0
    }

    private let requested = Atomic<Int>(-1)

    public init() {}

    /// Asks the run to stop at its next safe point; the first reason given is kept.
    public func cancel(_ reason: Reason) {
        _ = requested.compareExchange(expected: -1, desired: reason.rawValue, ordering: .sequentiallyConsistent)
    }

    /// Whether a stop was asked for.
    public var isCancelled: Bool { requested.load(ordering: .relaxed) >= 0 }

    /// Why a stop was asked for, or nil while the run may go on.
    public var reason: Reason? {
        let value = requested.load(ordering: .sequentiallyConsistent)
        return value < 0 ? nil : Reason(rawValue: value)
    }
}
