import AsyncHTTPClient
import Foundation
import Limits
import NIOCore
import NIOPosix

/// A blocking HTTP(S) GET whose every bound holds whatever the server does: one total deadline
/// (connecting, redirects and every byte of the body), an optional idle timeout, and byte limits
/// counted on the wire and after undoing any Content-Encoding.
///
/// It uses AsyncHTTPClient with its own decompression off; `BoundedBody` decodes gzip/deflate
/// with Folio's zlib wrapper and stops the transfer the moment a limit is passed. Each fetch has its
/// own client and event loop thread, both shut down before `fetch` returns.
struct HTTPFetcher {
    /// Redirects followed before giving up (loops are refused at once).
    static let maxRedirects = 5

    /// Longest time the whole fetch may take, in seconds.
    var deadline: TimeInterval
    /// Longest wait for the next piece of data, in seconds; nil leaves only the deadline.
    var idleTimeout: TimeInterval?
    /// Largest body accepted, in bytes, after decoding.
    var maxBytes: Int
    /// Largest number of bytes accepted from the wire; nil means `maxBytes`.
    var maxTransferBytes: Int?
    /// Asked for, the transfer is abandoned within a fraction of a second and `fetch` throws `Cancelled`.
    var cancellation: Cancellation? = nil

    /// The body of a 2xx response to a GET of `url`; `progress` gets the bytes received so far and
    /// the announced total, on the calling thread. Failures are `DatasetError.downloadFailed`; an
    /// abandoned transfer is `Cancelled`.
    func fetch(_ url: URL, progress: ((_ received: Int, _ total: Int?) -> Void)? = nil) throws -> [UInt8] {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let client = HTTPClient(eventLoopGroup: group, configuration: configuration)
        defer {
            try? client.syncShutdown()
            try? group.syncShutdownGracefully()
        }
        let meter = TransferMeter()
        let limits = (decoded: maxBytes, transfer: maxTransferBytes ?? maxBytes)
        let seconds = deadline
        var reported: TransferMeter.Reading?
        do {
            let body = try BlockingRunner(deadline: deadline, cancellation: cancellation).run(poll: {
                let reading = meter.reading
                if let progress, reading != reported {
                    reported = reading
                    progress(reading.received, reading.total)
                }
            }) {
                try await Self.get(url, with: client, deadline: seconds, limits: limits, meter: meter)
            }
            progress?(body.count, body.count)
            return body
        } catch let stop as Cancelled {
            throw stop
        } catch {
            let failure = FetchFailure.from(error, idleTimeout: idleTimeout ?? deadline, deadline: deadline)
            throw DatasetError.downloadFailed(url: url.absoluteString, reason: failure.reason)
        }
    }

    /// The client's settings: no decompression, timeouts within the deadline, redirects bounded.
    private var configuration: HTTPClient.Configuration {
        let connect = TimeAmount.milliseconds(Int64(min(deadline, 10) * 1000))
        let read = idleTimeout.map { TimeAmount.milliseconds(Int64($0 * 1000)) }
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: Self.maxRedirects, allowCycles: false),
            timeout: .init(connect: connect, read: read),
            decompression: .disabled)
        // A refused connection is an answer: report it instead of retrying until the deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }

    /// Performs the GET and reads the body within `limits`.
    private static func get(_ url: URL, with client: HTTPClient, deadline: TimeInterval,
                            limits: (decoded: Int, transfer: Int), meter: TransferMeter) async throws -> [UInt8] {
        let request = HTTPClientRequest(url: url.absoluteString)
        let response = try await client.execute(request, deadline: .now() + .milliseconds(Int64(deadline * 1000)))
        guard (200..<300).contains(Int(response.status.code)) else { throw FetchFailure.status(Int(response.status.code)) }
        var body = try BoundedBody(contentEncoding: response.headers.first(name: "content-encoding"),
                                   maxDecodedBytes: limits.decoded, maxTransferBytes: limits.transfer)
        let announced = response.headers.first(name: "content-length").flatMap { Int($0) }
        try body.expect(announcedLength: announced)
        meter.update(received: 0, total: announced)
        for try await buffer in response.body {
            try buffer.withUnsafeReadableBytes { try body.append($0) }
            meter.update(received: body.transferred, total: announced)
        }
        try body.finish()
        return body.bytes
    }
}
