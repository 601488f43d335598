import Foundation

/// How far a transfer has come, written by the transfer task and read by the blocked caller.
///
/// `@unchecked Sendable`: its one mutable field is only read and written under `lock`.
final class TransferMeter: @unchecked Sendable {
    /// Bytes received from the wire and the announced total, if any.
    struct Reading: Equatable {
        var received: Int
        var total: Int?
    }

    private let lock = NSLock()
    private var current = Reading(received: 0, total: nil)

    /// The latest reading.
    var reading: Reading { lock.withLock { current } }

    func update(received: Int, total: Int?) {
        lock.withLock { current = Reading(received: received, total: total) }
    }
}
