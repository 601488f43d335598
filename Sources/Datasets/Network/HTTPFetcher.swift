import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A blocking HTTP(S) GET with timeouts and a size limit; progress is reported on the
/// calling thread a few times a second.
struct HTTPFetcher {
    /// Longest wait for a connection or between two pieces of data, in seconds.
    var idleTimeout: TimeInterval
    /// Longest time the whole transfer may take, in seconds.
    var totalTimeout: TimeInterval
    /// Largest body accepted, in bytes.
    var maxBytes: Int
    /// Builds the error for a body over `maxBytes`.
    var tooLarge: (URL) -> DatasetError = { url in
        DatasetError.downloadFailed(url: url.absoluteString, reason: "the file is larger than expected")
    }

    /// The body of a 2xx response to a GET of `url`.
    func fetch(_ url: URL, progress: ((_ received: Int, _ total: Int?) -> Void)? = nil) throws -> [UInt8] {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = idleTimeout
        configuration.timeoutIntervalForResource = totalTimeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let transfer = HTTPTransfer(maxBytes: maxBytes)
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        var request = URLRequest(url: url)
        request.timeoutInterval = idleTimeout
        let task = session.dataTask(with: request)
        task.resume()

        let deadline = Date().addingTimeInterval(totalTimeout + 5)
        var reported = -1
        while transfer.done.wait(timeout: .now() + 0.2) == .timedOut {
            let snapshot = transfer.snapshot()
            if let progress, snapshot.received != reported {
                reported = snapshot.received
                progress(snapshot.received, snapshot.expected)
            }
            if Date() > deadline {
                task.cancel()
                throw DatasetError.downloadFailed(url: url.absoluteString, reason: "no answer within \(Int(totalTimeout)) s")
            }
        }
        let result = transfer.snapshot()
        if result.exceededLimit { throw tooLarge(url) }
        if let error = result.error {
            throw DatasetError.downloadFailed(url: url.absoluteString, reason: HTTPFetcher.describe(error, idleTimeout: idleTimeout))
        }
        guard let status = result.status, (200..<300).contains(status) else {
            let reason = result.status.map { "the server answered HTTP \($0)" } ?? "the server sent no HTTP response"
            throw DatasetError.downloadFailed(url: url.absoluteString, reason: reason)
        }
        progress?(result.body.count, result.body.count)
        return [UInt8](result.body)
    }

    /// A short phrase for a transfer error.
    static func describe(_ error: Error, idleTimeout: TimeInterval) -> String {
        guard let urlError = error as? URLError else { return String(describing: error) }
        switch urlError.code {
        case .cannotConnectToHost: return "the server refused the connection"
        case .timedOut: return "no answer within \(Int(idleTimeout)) s"
        case .cannotFindHost, .dnsLookupFailed: return "the host name could not be resolved"
        case .notConnectedToInternet: return "no network connection"
        case .networkConnectionLost: return "the connection was lost"
        case .unsupportedURL: return "the URL is not supported"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate:
            return "the secure connection failed"
        default: return "network error \(urlError.code.rawValue): \(urlError.localizedDescription)"
        }
    }
}

/// The delegate collecting one transfer's response; all state is guarded by `lock`.
private final class HTTPTransfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct Snapshot {
        var status: Int?
        var expected: Int?
        var received: Int
        var body: Data
        var error: Error?
        var exceededLimit: Bool
    }

    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private let maxBytes: Int
    private var state = Snapshot(status: nil, expected: nil, received: 0, body: Data(), error: nil, exceededLimit: false)

    init(maxBytes: Int) { self.maxBytes = maxBytes }

    func snapshot() -> Snapshot { lock.withLock { state } }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let length = response.expectedContentLength
        let tooBig: Bool = lock.withLock {
            state.status = (response as? HTTPURLResponse)?.statusCode
            state.expected = length >= 0 ? Int(length) : nil
            state.exceededLimit = length > Int64(maxBytes)
            return state.exceededLimit
        }
        completionHandler(tooBig ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let tooBig: Bool = lock.withLock {
            state.body.append(data)
            state.received = state.body.count
            if state.body.count > maxBytes { state.exceededLimit = true }
            return state.exceededLimit
        }
        if tooBig { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.withLock { state.error = error }
        done.signal()
    }
}
