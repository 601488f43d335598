import CZlib
import Foundation

/// Small gzip data that inflates to a lot of zeros: one gzip member, made with zlib's deflate.
enum GzipBomb {
    /// One gzip member holding `decodedBytes` zero bytes (about 1 KB of gzip per MB of zeros).
    static func zeros(decodedBytes: Int) -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: gzip wrapper; level 9, memory level 9; run-length matching, fast on zeros.
        guard deflateInit2_(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_RLE, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        let block = [UInt8](repeating: 0, count: 1 << 20)
        var output = [UInt8](repeating: 0, count: 1 << 16)
        var result: [UInt8] = []
        var remaining = decodedBytes
        var status = Z_OK
        repeat {
            let count = min(remaining, block.count)
            remaining -= count
            let flush = remaining == 0 ? Z_FINISH : Z_NO_FLUSH
            block.withUnsafeBufferPointer { input in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(count)
                repeat {
                    output.withUnsafeMutableBufferPointer { buffer in
                        stream.next_out = buffer.baseAddress
                        stream.avail_out = UInt32(buffer.count)
                        status = deflate(&stream, flush)
                        result.append(contentsOf: buffer[0..<(buffer.count - Int(stream.avail_out))])
                    }
                } while stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END)
            }
        } while remaining > 0
        return result
    }
}
