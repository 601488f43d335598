/// Thrown at a safe point once a `Cancellation` was asked for: the work stopped there on purpose.
///
/// It is not a failure: callers that see it mark what was running as interrupted and stop, keeping
/// whatever was finished before the safe point.
public struct Cancelled: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: Cancellation.Reason

    public init(reason: Cancellation.Reason) {
        self.reason = reason
    }

    public var description: String { "stopped: \(reason.phrase)" }
}

extension Cancellation {
    /// A safe point: throws `Cancelled` when a stop was asked for, else returns at once.
    public func check() throws {
        if let reason { throw Cancelled(reason: reason) }
    }
}

extension Cancellation.Reason {
    /// What asked for the stop, for messages: "Ctrl-C", "SIGTERM", "a newer run".
    public var phrase: String {
        switch self {
        case .interrupt: return "Ctrl-C"
        case .terminate: return "SIGTERM"
        case .superseded: return "a newer run"
        }
    }
}
