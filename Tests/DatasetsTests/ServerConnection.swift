import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One accepted connection of `LocalHTTPServer`, given to a handler: sends bytes and notices when
/// the client has gone or the server is stopping, so every handler ends by itself.
struct ServerConnection: Sendable {
    let socket: Int32
    let server: LocalHTTPServer

    init(socket: Int32, server: LocalHTTPServer) {
        self.socket = socket
        self.server = server
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Sends all of `bytes`; false once the client has closed the connection or the server stops.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            if server.isStopping { return false }
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent > 0 { offset += sent; continue }
            if sent < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }   // full buffer: retry
            return false
        }
        return true
    }

    /// Sends an HTTP/1.1 head: `status` line and header lines.
    @discardableResult
    func sendHead(_ status: String, _ headers: [String]) -> Bool {
        send(Array((["HTTP/1.1 \(status)"] + headers + ["Connection: close", "", ""]).joined(separator: "\r\n").utf8))
    }

    /// Waits up to `seconds` for the client to close the connection (or the server to stop); true if it did.
    func waitForClose(seconds: Double) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        var scratch = [UInt8](repeating: 0, count: 256)
        while Date() < end, !server.isStopping {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            if recv(socket, &scratch, scratch.count, Int32(MSG_DONTWAIT)) <= 0 { return true }
        }
        return server.isStopping
    }

    /// Sleeps `seconds` in short steps; false if the server started stopping meanwhile.
    func pause(_ seconds: Double) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if server.isStopping { return false }
            Thread.sleep(forTimeInterval: min(0.05, end.timeIntervalSinceNow.magnitude))
        }
        return !server.isStopping
    }
}
