import Foundation

/// Why an HTTP(S) fetch stopped, as a short human phrase (`reason`) that `HTTPFetcher` puts into a
/// `DatasetError.downloadFailed`.
enum FetchFailure: Error, Equatable {
    /// The body went past the byte limit; `decoded` when a Content-Encoding was being undone.
    case tooLarge(limit: Int, decoded: Bool)
    /// The server's Content-Length is already past the limit.
    case announcedTooLarge(length: Int, limit: Int)
    /// The total deadline passed before the whole body had arrived.
    case deadline(seconds: TimeInterval)
    /// The server went quiet for longer than the idle timeout.
    case idle(seconds: TimeInterval)
    /// The answer was not 2xx.
    case status(Int)
    /// The body is compressed in a way Folio does not undo.
    case unsupportedEncoding(String)
    /// The Content-Encoding did not decode.
    case damagedEncoding(String)
    /// Too many redirects, or redirects that go round in a loop.
    case redirects(loop: Bool)
    /// Anything else: a connection or protocol failure, already phrased.
    case network(String)

    /// The phrase, e.g. "the server sent more than 20 MB (after decompression)".
    var reason: String {
        switch self {
        case .tooLarge(let limit, let decoded):
            return "the server sent more than \(ByteCountText.of(limit))" + (decoded ? " (after decompression)" : "")
        case .announcedTooLarge(let length, let limit):
            return "the server announced \(ByteCountText.of(length)), more than the \(ByteCountText.of(limit)) allowed"
        case .deadline(let seconds):
            return "no complete answer within \(ByteCountText.seconds(seconds))"
        case .idle(let seconds):
            return "no answer within \(ByteCountText.seconds(seconds))"
        case .status(let code):
            return "the server answered HTTP \(code)"
        case .unsupportedEncoding(let coding):
            return "the server compressed the answer as '\(coding)', which Folio cannot read"
        case .damagedEncoding(let detail):
            return "the compressed answer is damaged (\(detail))"
        case .redirects(let loop):
            return loop ? "the server's redirects go round in a loop" : "the server redirected more than \(HTTPFetcher.maxRedirects) times"
        case .network(let phrase):
            return phrase
        }
    }
}
