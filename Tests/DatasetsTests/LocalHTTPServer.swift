import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 (ephemeral port) for download tests, built on POSIX sockets.
///
/// It answers `GET /path` with the bytes registered for that path (200) or 404; paths in
/// `stalled` are accepted and then never answered, to exercise timeouts; paths in `handlers` are
/// answered by their handler on a thread of its own (see `HostileReplies`). Everything it does is
/// bounded: sockets have receive timeouts and `stop()` ends the accept loop within 100 ms.
final class LocalHTTPServer: @unchecked Sendable {
    enum ServerError: Error { case socket(String) }
    /// Writes a whole answer, headers included, to a connection; returns when done.
    typealias Handler = @Sendable (ServerConnection) -> Void

    let port: UInt16
    private let listener: Int32
    private let routes: [String: [UInt8]]
    private let stalled: Set<String>
    private let handlers: [String: Handler]
    private let lock = NSLock()
    private var stopping = false
    private var served: [String] = []
    private let finished = DispatchSemaphore(value: 0)

    /// The URL of `path` on this server, e.g. `url("/mnist/")`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Paths requested so far, in order.
    var requests: [String] { lock.withLock { served } }

    init(routes: [String: [UInt8]] = [:], stalled: Set<String> = [], handlers: [String: Handler] = [:]) throws {
        self.routes = routes
        self.stalled = stalled
        self.handlers = handlers
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError.socket("socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw ServerError.socket("bind/listen: \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// Stops accepting, closes the port (so later connections are refused) and waits for the loop to end.
    func stop() {
        let first: Bool = lock.withLock {
            defer { stopping = true }
            return !stopping
        }
        guard first else { return }
        _ = finished.wait(timeout: .now() + 5)
        close(listener)
    }

    deinit { stop() }

    var isStopping: Bool { lock.withLock { stopping } }

    private func serve() {
        var held: [Int32] = []
        while !isStopping {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            switch handle(client) {
            case nil: close(client)
            case -1: break   // a handler thread owns it
            case let kept?: held.append(kept)
            }
        }
        held.forEach { close($0) }
        finished.signal()
    }

    /// Answers one request; returns the socket when it must stay open unanswered.
    private func handle(_ client: Int32) -> Int32? {
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 65_536, !request.ends(with: Array("\r\n\r\n".utf8)) {
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            request += buffer[0..<count]
        }
        let line = String(decoding: request.prefix { $0 != 13 }, as: UTF8.self).split(separator: " ")
        let path = line.count >= 2 ? String(line[1]) : ""
        lock.withLock { served.append(path) }
        if stalled.contains(path) { return client }
        if let handler = handlers[path] {
            let connection = ServerConnection(socket: client, server: self)
            Thread { handler(connection); close(client) }.start()
            return -1
        }
        let body = routes[path]
        let status = body == nil ? "404 Not Found" : "200 OK"
        let content = body ?? Array("not here\n".utf8)
        let header = "HTTP/1.1 \(status)\r\nContent-Length: \(content.count)\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n"
        sendAll(client, Array(header.utf8) + content)
        return nil
    }

    private func sendAll(_ client: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }
            offset += sent
        }
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
