import CZlib
import Foundation
import Limits

/// Decompression of gzip (and zlib) data with the system zlib.
///
/// Foundation on Linux cannot gunzip, so this wraps `inflate` directly. Concatenated gzip
/// members are joined as `gunzip` does; anything else after the stream is an error.
public enum Gzip {
    /// Decompresses gzip or zlib `data`. Corrupt or truncated input throws, and so does
    /// output larger than `limit` bytes.
    public static func decompress(_ data: [UInt8], limit: Int = 1 << 30) throws -> [UInt8] {
        try decompress(data, limit: limit, source: "The compressed data")
    }

    /// As `decompress(_:limit:)`; `source` names the data (e.g. a file path) in errors.
    static func decompress(_ data: [UInt8], limit: Int = 1 << 30, source: String) throws -> [UInt8] {
        guard !data.isEmpty else { throw DatasetError.gzipTruncated(source: source) }
        var stream = z_stream()
        let initStatus = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else {
            throw DatasetError.gzipCorrupt(source: source, reason: "zlib could not start, status \(initStatus)")
        }
        defer { inflateEnd(&stream) }

        let capacity = initialCapacity(for: data, limit: limit)
        try MemoryBudget.require("decompressed \(Gzip.shortName(source))", bytes: capacity)
        var output = [UInt8](repeating: 0, count: capacity)
        var produced = 0
        try data.withUnsafeBufferPointer { input in
            guard let base = input.baseAddress else { return }
            var consumed = 0
            while true {
                // zlib counts in UInt32; feed at most 1 GiB of input at a time.
                let chunk = min(input.count - consumed, 1 << 30)
                stream.next_in = UnsafeMutablePointer(mutating: base + consumed)
                stream.avail_in = UInt32(chunk)
                let status = try inflateChunk(&stream, into: &output, produced: &produced, limit: limit, source: source)
                consumed += chunk - Int(stream.avail_in)
                if status == Z_STREAM_END {
                    let remaining = input.count - consumed
                    if remaining == 0 { return }
                    guard remaining >= 2, input[consumed] == 0x1f, input[consumed + 1] == 0x8b else {
                        throw DatasetError.gzipTrailingData(source: source, count: remaining)
                    }
                    inflateReset(&stream)   // another gzip member follows
                } else if consumed == input.count {
                    throw DatasetError.gzipTruncated(source: source)
                }
            }
        }
        output.removeSubrange(produced...)
        return output
    }

    /// Inflates until the stream ends or the input runs out; grows `output` up to `limit`.
    private static func inflateChunk(_ stream: inout z_stream, into output: inout [UInt8], produced: inout Int,
                                     limit: Int, source: String) throws -> Int32 {
        while true {
            if produced == output.count {
                guard output.count < limit else { throw DatasetError.gzipTooLarge(source: source, limit: limit) }
                let grown = min(limit, max(output.count * 2, 1 << 16))
                // Growing copies into a new buffer of the grown size while the old one is alive.
                try MemoryBudget.require("decompressed \(Gzip.shortName(source))", bytes: grown)
                output.append(contentsOf: repeatElement(0, count: grown - output.count))
            }
            let space = min(output.count - produced, Int(UInt32.max))
            let status: Int32 = output.withUnsafeMutableBufferPointer { buffer in
                stream.next_out = buffer.baseAddress.map { $0 + produced }
                stream.avail_out = UInt32(space)
                return inflate(&stream, Z_NO_FLUSH)
            }
            produced += space - Int(stream.avail_out)
            switch status {
            case Z_STREAM_END:
                return status
            case Z_OK:
                continue
            case Z_BUF_ERROR:
                // No progress possible: either the output is full (loop grows it) or the input is used up.
                if stream.avail_in == 0 { return status }
                if stream.avail_out > 0 { throw DatasetError.gzipCorrupt(source: source, reason: "zlib made no progress") }
            case Z_NEED_DICT:
                throw DatasetError.gzipCorrupt(source: source, reason: "it needs a preset dictionary")
            case Z_MEM_ERROR:
                throw DatasetError.gzipCorrupt(source: source, reason: "out of memory")
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw DatasetError.gzipCorrupt(source: source, reason: message)
            }
        }
    }

    /// A first output size: the gzip trailer's ISIZE (size mod 2³²) when plausible, else 4× the input;
    /// the output grows past it when needed.
    private static func initialCapacity(for data: [UInt8], limit: Int) -> Int {
        var guess = data.count * 4
        if data.count >= 18, data[0] == 0x1f, data[1] == 0x8b {
            let tail = data.suffix(4)
            let size = tail.reversed().reduce(0) { $0 << 8 | Int($1) }
            if size >= data.count / 2 { guess = size + 1 }
        }
        // Deflate expands at most ~1032×, so a larger "size" comes from a damaged trailer.
        return max(1, min(limit, guess, data.count * 1032, 1 << 26))
    }

    /// The file name in `source` (a path), or `source` itself ("The compressed data"), for messages.
    static func shortName(_ source: String) -> String {
        source.contains("/") ? URL(fileURLWithPath: source).lastPathComponent : source.lowercased()
    }
}
