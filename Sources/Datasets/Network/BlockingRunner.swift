import Foundation

/// Runs asynchronous work for synchronous callers (the CLI is synchronous): starts it as a task,
/// blocks the calling thread until it finishes, calls `poll` on the calling thread a few times a
/// second, and cancels the task when the total deadline passes.
struct BlockingRunner {
    /// Longest time the work may take, in seconds, counted from `run`.
    var deadline: TimeInterval
    /// How long a cancelled task gets to wind down before `run` stops waiting for it.
    var grace: TimeInterval = 5

    /// The work's result; `FetchFailure.deadline` when the deadline passed first.
    func run<Value: Sendable>(poll: () -> Void = {},
                              _ work: @escaping @Sendable () async throws -> Value) throws -> Value {
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
        }
        task.cancel()
        _ = outcome.wait(seconds: grace)
        throw FetchFailure.deadline(seconds: deadline)
    }
}

/// The result of a task, handed from the task to the blocked thread.
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
