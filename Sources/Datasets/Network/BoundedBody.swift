import Foundation

/// The body of one HTTP answer as it arrives: undoes its Content-Encoding (gzip or deflate) with
/// Folio's own `GzipStream`, and throws `FetchFailure.tooLarge` the moment either the bytes on the
/// wire or the decoded bytes pass their limit, so the caller can cancel the transfer at once.
struct BoundedBody {
    /// Largest body accepted after decoding.
    let maxDecodedBytes: Int
    /// Largest number of bytes accepted from the wire (before decoding).
    let maxTransferBytes: Int
    /// Bytes received from the wire so far.
    private(set) var transferred = 0
    /// The decoded body so far.
    private(set) var bytes: [UInt8] = []
    private let decoder: GzipStream?

    /// A body whose `Content-Encoding` header value is `contentEncoding` (nil or `identity`: none).
    init(contentEncoding: String?, maxDecodedBytes: Int, maxTransferBytes: Int) throws {
        self.maxDecodedBytes = maxDecodedBytes
        self.maxTransferBytes = maxTransferBytes
        let codings = (contentEncoding ?? "").lowercased().split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "identity" }
        switch codings {
        case []:
            decoder = nil
        case ["gzip"], ["x-gzip"], ["deflate"]:
            decoder = try GzipStream(source: "the answer")
        default:
            throw FetchFailure.unsupportedEncoding(codings.joined(separator: ", "))
        }
    }

    /// True when the body is being decoded.
    var isEncoded: Bool { decoder != nil }

    /// Refuses a `Content-Length` already past the wire limit, before any of the body is read;
    /// otherwise makes room for an unencoded body of that length.
    mutating func expect(announcedLength length: Int?) throws {
        guard let length else { return }
        guard length <= maxTransferBytes else { throw FetchFailure.announcedTooLarge(length: length, limit: maxTransferBytes) }
        if decoder == nil { bytes.reserveCapacity(min(length, maxDecodedBytes)) }
    }

    /// Takes the next piece from the wire.
    mutating func append(_ chunk: UnsafeRawBufferPointer) throws {
        transferred += chunk.count
        guard transferred <= maxTransferBytes else { throw FetchFailure.tooLarge(limit: maxTransferBytes, decoded: false) }
        guard let decoder else { return try keep(chunk, decoded: false) }
        do {
            try decoder.feed(chunk) { try keep($0, decoded: true) }
        } catch let error as DatasetError {
            throw FetchFailure.damagedEncoding(error.shortReason)
        }
    }

    /// Checks that an encoded body ended where its compressed stream does.
    func finish() throws {
        do {
            try decoder?.finish()
        } catch let error as DatasetError {
            throw FetchFailure.damagedEncoding(error.shortReason)
        }
    }

    private mutating func keep(_ piece: UnsafeRawBufferPointer, decoded: Bool) throws {
        guard bytes.count + piece.count <= maxDecodedBytes else { throw FetchFailure.tooLarge(limit: maxDecodedBytes, decoded: decoded) }
        bytes.append(contentsOf: piece)
    }
}

private extension DatasetError {
    /// The gzip error in a few words, for inside a download message.
    var shortReason: String {
        switch self {
        case .gzipCorrupt(_, let reason): return reason
        case .gzipTruncated: return "it ends early"
        case .gzipTrailingData(_, let count): return "\(count) unexpected bytes after it"
        default: return description
        }
    }
}
