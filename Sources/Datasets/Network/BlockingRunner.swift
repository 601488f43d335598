import Foundation
import Limits

/// Runs asynchronous work for synchronous callers (the CLI is synchronous): starts it as a task,
/// blocks the calling thread until it finishes, calls `poll` on the calling thread a few times a
/// second, and cancels the task when the total deadline passes or `cancellation` is asked for.
struct BlockingRunner {
    /// Longest time the work may take, in seconds, counted from `run`.
    var deadline: TimeInterval
    /// Asked for, the work is abandoned at the next poll (within 0.2 s) and `run` throws `Cancelled`.
    var cancellation: Cancellation? = nil
    /// How long an abandoned task gets to wind down after a cancellation before `run` returns.
    var cancellationGrace: TimeInterval = 0.3
    /// How long a cancelled task gets to wind down before `run` stops waiting for it.
    var grace: TimeInterval = 5

    /// The work's result; `FetchFailure.deadline` when the deadline passed first, `Cancelled` when
    /// the cancellation was asked for first.
    func run<Value: Sendable>(poll: () -> Void = {},
                              _ work: @escaping @Sendable () async throws -> Value) throws -> Value {
        try cancellation?.check()
        let outcome = Outcome<Value>()
        let task = Task {
            do { outcome.finish(.success(try await work())) } catch { outcome.finish(.failure(error)) }
        }
        let end = Date().addingTimeInterval(deadline)
        while true {
            let remaining = end.timeIntervalSinceNow
            if remaining <= 0 { break }
            if let result = outcome.wait(seconds: min(0.2, remaining)) {
                poll()
                return try result.get()
            }
            poll()
            if let reason = cancellation?.reason {
                task.cancel()
                _ = outcome.wait(seconds: cancellationGrace)
                throw Cancelled(reason: reason)
            }
        }
        task.cancel()
        _ = outcome.wait(seconds: grace)
        throw FetchFailure.deadline(seconds: deadline)
    }
}

/// The result of a task, handed from the task to the blocked thread.
///
/// `@unchecked Sendable`: `result` is only read and written under `lock`, and `done` is a semaphore
/// (itself thread-safe); the value crosses threads once, from the task that sets it to the waiter.
private final class Outcome<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, Error>?

    func finish(_ result: Result<Value, Error>) {
        lock.withLock { self.result = result }
        done.signal()
    }

    /// The result, or nil if none arrived within `seconds`.
    func wait(seconds: TimeInterval) -> Result<Value, Error>? {
        if let result = lock.withLock({ self.result }) { return result }
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        done.signal()   // keep it signalled for later waits
        return lock.withLock { self.result }
    }
}
