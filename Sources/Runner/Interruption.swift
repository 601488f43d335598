import Limits

/// Why and where a run was stopped early by its `Cancellation` (Ctrl-C, SIGTERM, a newer preview run).
///
/// The cell that was running when the stop came is `interrupted` and carries this value; a stop
/// that came between cells (after a cell that has no safe points, such as `load` reading files)
/// leaves every cell that ran `ok` and only the record carries it.
public struct Interruption: Sendable, Equatable {
    public var reason: Cancellation.Reason
    /// "Interrupted by Ctrl-C during epoch 3 of 100 (after batch 12 of 30)."
    public var message: String

    public init(reason: Cancellation.Reason, message: String) {
        self.reason = reason
        self.message = message
    }

    /// A stop inside cell `directive` at one of its safe points.
    static func during(_ directive: String, reason: Cancellation.Reason) -> Interruption {
        Interruption(reason: reason, message: "Interrupted by \(reason.phrase) during \(directive).")
    }

    /// A stop that came while `after` (a cell name) ran, honoured once it finished.
    static func between(after directive: String?, reason: Cancellation.Reason) -> Interruption {
        let place = directive.map { "after the \($0) cell finished" } ?? "before the first cell"
        return Interruption(reason: reason, message: "Interrupted by \(reason.phrase); the run stopped \(place).")
    }
}

/// Thrown by a directive that was stopped at a safe point but has something to show for the work
/// it finished (a `fit`: the epochs done so far, as a table).
struct CellInterrupted: Error {
    var interruption: Interruption
    var outputs: [Output]
}
