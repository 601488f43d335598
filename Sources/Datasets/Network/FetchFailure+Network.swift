import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

extension FetchFailure {
    /// The failure for an error thrown by AsyncHTTPClient or SwiftNIO; `idleTimeout` and `deadline`
    /// say which waits were promised, for the phrase.
    static func from(_ error: Error, idleTimeout: TimeInterval, deadline: TimeInterval) -> FetchFailure {
        if let failure = error as? FetchFailure { return failure }
        if error is CancellationError { return .deadline(seconds: deadline) }
        if let client = error as? HTTPClientError {
            switch client {
            case .readTimeout: return .idle(seconds: idleTimeout)
            case .deadlineExceeded, .cancelled: return .deadline(seconds: deadline)
            case .connectTimeout: return .network("the server did not accept the connection in time")
            case .redirectLimitReached: return .redirects(loop: false)
            case .redirectCycleDetected: return .redirects(loop: true)
            case .remoteConnectionClosed: return .network("the connection was lost")
            case .invalidURL, .emptyHost: return .network("the URL is not supported")
            default: return .network("HTTP error: \(client)")
            }
        }
        if let connection = error as? NIOConnectionError {
            if connection.dnsAError != nil || connection.dnsAAAAError != nil, connection.connectionErrors.isEmpty {
                return .network("the host name could not be resolved")
            }
            if let first = connection.connectionErrors.first { return from(first.error, idleTimeout: idleTimeout, deadline: deadline) }
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return .network("the server refused the connection")
            case ECONNRESET, EPIPE: return .network("the connection was lost")
            case ENETUNREACH, EHOSTUNREACH: return .network("no network connection")
            default: return .network("network error: \(String(cString: strerror(io.errnoCode)))")
            }
        }
        let text = String(describing: error)
        if text.localizedCaseInsensitiveContains("refused") { return .network("the server refused the connection") }
        if text.localizedCaseInsensitiveContains("ssl") || text.localizedCaseInsensitiveContains("tls") {
            return .network("the secure connection failed")
        }
        return .network("network error: \(text)")
    }
}
