/// One message of a `text/event-stream` (Server-Sent Events): `event: NAME` and `data:` lines,
/// ended by a blank line.
struct ServerSentEvent: Equatable, Sendable {
    /// `status`: the running cell's line; `reload`: a run finished, with the page's generation.
    var name: String
    var data: String

    static func status(_ line: String) -> ServerSentEvent { ServerSentEvent(name: "status", data: line) }
    static func reload(generation: Int) -> ServerSentEvent { ServerSentEvent(name: "reload", data: String(generation)) }

    /// The wire form; a line break inside `data` starts a new `data:` line, as the format requires.
    var encoded: String {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }
        return "event: \(name)\n" + lines.joined(separator: "\n") + "\n\n"
    }
}
