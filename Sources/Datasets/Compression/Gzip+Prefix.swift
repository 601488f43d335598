import CZlib

extension Gzip {
    /// The first `count` bytes (fewer if the stream is shorter) of the gzip or zlib stream that
    /// `data` begins with; `data` may be only the start of a file. Corrupt input throws.
    static func decompressedPrefix(of data: [UInt8], count: Int, source: String) throws -> [UInt8] {
        guard !data.isEmpty, count > 0 else { return [] }
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DatasetError.gzipCorrupt(source: source, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: count)
        var input = data
        let status: Int32 = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = UInt32(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = UInt32(outputBuffer.count)
                return inflate(&stream, Z_SYNC_FLUSH)
            }
        }
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
            let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
            throw DatasetError.gzipCorrupt(source: source, reason: message)
        }
        return Array(output[0..<(count - Int(stream.avail_out))])
    }
}
