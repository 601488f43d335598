import Synchronization

/// Hands every event to every open `/events` stream. Safe to call from any thread: the notebook's
/// run thread publishes progress, the server's tasks subscribe and unsubscribe.
final class EventHub: Sendable {
    private struct Subscribers {
        var next = 0
        var continuations: [Int: AsyncStream<ServerSentEvent>.Continuation] = [:]
    }

    private let subscribers = Mutex(Subscribers())

    /// A stream of the events published from now on, starting with what `greeting` returns (asked
    /// once the stream is registered, so nothing published meanwhile is missed); it ends when the
    /// client goes away (the stream is dropped) or the hub is closed.
    func subscribe(greeting: () -> [ServerSentEvent]) -> AsyncStream<ServerSentEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ServerSentEvent.self, bufferingPolicy: .bufferingNewest(64))
        let id = subscribers.withLock { state in
            state.next += 1
            state.continuations[state.next] = continuation
            return state.next
        }
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { _ = $0.continuations.removeValue(forKey: id) }
        }
        for event in greeting() { continuation.yield(event) }
        return stream
    }

    func publish(_ event: ServerSentEvent) {
        let continuations = subscribers.withLock { Array($0.continuations.values) }
        for continuation in continuations { continuation.yield(event) }
    }

    /// How many streams are open (for tests and the terminal).
    var subscriberCount: Int { subscribers.withLock { $0.continuations.count } }

    /// Ends every stream (the server is stopping).
    func close() {
        let continuations = subscribers.withLock { state in
            defer { state.continuations.removeAll() }
            return Array(state.continuations.values)
        }
        for continuation in continuations { continuation.finish() }
    }
}
