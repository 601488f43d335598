import Foundation

/// Answers for `LocalHTTPServer.handlers` that try to defeat a client's bounds: compressed bombs,
/// slow drips, endless bodies, lying lengths and redirect loops. Each ends by itself (a cap on
/// time or bytes) or when the client hangs up or the server stops.
enum HostileReplies {
    /// Counts what an answer managed to send before the client hung up.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var sentBytes = 0
        private var ended = false
        var sent: Int { lock.withLock { sentBytes } }
        var finished: Bool { lock.withLock { ended } }
        func add(_ count: Int) { lock.withLock { sentBytes += count } }
        func finish() { lock.withLock { ended = true } }
    }

    /// `body` (already compressed) served with `Content-Encoding: gzip`.
    static func gzipEncoded(_ body: [UInt8], contentType: String = "image/png", tally: Tally? = nil) -> LocalHTTPServer.Handler {
        { connection in
            defer { tally?.finish() }
            guard connection.sendHead("200 OK", ["Content-Type: \(contentType)", "Content-Encoding: gzip",
                                                 "Content-Length: \(body.count)"]) else { return }
            var offset = 0
            while offset < body.count {
                let piece = Array(body[offset..<min(body.count, offset + 65_536)])
                guard connection.send(piece) else { return }
                offset += piece.count
                tally?.add(piece.count)
            }
        }
    }

    /// Announces `count` bytes, then sends one byte every `interval` seconds.
    static func drip(every interval: Double, count: Int = 30) -> LocalHTTPServer.Handler {
        { connection in
            guard connection.sendHead("200 OK", ["Content-Type: image/png", "Content-Length: \(count)"]) else { return }
            for _ in 0..<count {
                guard connection.send([0x89]), connection.pause(interval) else { return }
            }
        }
    }

    /// A body without a length that goes on (up to `cap` bytes) until the client hangs up.
    static func endless(tally: Tally, cap: Int = 400_000_000) -> LocalHTTPServer.Handler {
        { connection in
            defer { tally.finish() }
            guard connection.sendHead("200 OK", ["Content-Type: image/png"]) else { return }
            let piece = [UInt8](repeating: 0x42, count: 65_536)
            while tally.sent < cap, connection.send(piece) { tally.add(piece.count) }
        }
    }

    /// Announces a `Content-Length` of `length` bytes, sends none, and waits for the client to hang up.
    static func announcing(length: Int, tally: Tally) -> LocalHTTPServer.Handler {
        { connection in
            defer { tally.finish() }
            guard connection.sendHead("200 OK", ["Content-Type: image/png", "Content-Length: \(length)"]) else { return }
            _ = connection.waitForClose(seconds: 10)
        }
    }

    /// A redirect to `location`.
    static func redirect(to location: String) -> LocalHTTPServer.Handler {
        { connection in connection.sendHead("302 Found", ["Location: \(location)", "Content-Length: 0"]) }
    }

    /// `body` served as-is with `contentType`.
    static func plain(_ body: [UInt8], contentType: String) -> LocalHTTPServer.Handler {
        { connection in
            guard connection.sendHead("200 OK", ["Content-Type: \(contentType)", "Content-Length: \(body.count)"]) else { return }
            connection.send(body)
        }
    }
}
