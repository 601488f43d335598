import CZlib

/// Decompresses gzip (or zlib) data that arrives in pieces, handing the output on in slices of at
/// most 64 KiB, so a caller can count and stop it before it grows: a small "bomb" never inflates
/// further than the caller lets it.
///
/// Concatenated gzip members are joined as `gunzip` does; anything else after the stream is an
/// error. zlib keeps a pointer to its `z_stream`, which therefore must not move: this is a class
/// owning that C state, freed when the stream is.
final class GzipStream {
    /// Receives each slice of decompressed bytes; throwing stops the decompression.
    typealias Sink = (UnsafeRawBufferPointer) throws -> Void

    private let stream: UnsafeMutablePointer<z_stream>
    private let source: String
    private var output = [UInt8](repeating: 0, count: 1 << 16)
    /// True between the end of one member and the first byte of the next.
    private var betweenMembers = false
    private var started = false

    /// A stream for data named `source` in errors.
    init(source: String) throws {
        self.source = source
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            throw DatasetError.gzipCorrupt(source: source, reason: "zlib could not start, status \(status)")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Decompresses the next piece of input, passing the output to `sink` slice by slice.
    func feed(_ input: UnsafeRawBufferPointer, into sink: Sink) throws {
        guard let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self), !input.isEmpty else { return }
        started = true
        var consumed = 0
        while consumed < input.count {
            if betweenMembers {
                // Another member must start with the gzip magic; check it byte by byte as it arrives.
                guard base[consumed] == 0x1f else { throw DatasetError.gzipTrailingData(source: source, count: input.count - consumed) }
                betweenMembers = false
                inflateReset(stream)
            }
            let chunk = min(input.count - consumed, 1 << 30)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: base + consumed)
            stream.pointee.avail_in = UInt32(chunk)
            let ended = try inflateAvailable(into: sink)
            consumed += chunk - Int(stream.pointee.avail_in)
            if ended { betweenMembers = true }
        }
    }

    /// Checks that the input ended at the end of a complete stream.
    func finish() throws {
        guard started, betweenMembers else { throw DatasetError.gzipTruncated(source: source) }
    }

    /// Inflates until the input runs out or a member ends (true).
    private func inflateAvailable(into sink: Sink) throws -> Bool {
        while true {
            let status: Int32 = output.withUnsafeMutableBufferPointer { buffer in
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = UInt32(buffer.count)
                return inflate(stream, Z_NO_FLUSH)
            }
            let produced = output.count - Int(stream.pointee.avail_out)
            if produced > 0 { try output.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) } }
            switch status {
            case Z_STREAM_END:
                return true
            case Z_OK:
                if stream.pointee.avail_in == 0, stream.pointee.avail_out > 0 { return false }
            case Z_BUF_ERROR:
                if stream.pointee.avail_in == 0 { return false }
                if stream.pointee.avail_out > 0 { throw DatasetError.gzipCorrupt(source: source, reason: "zlib made no progress") }
            case Z_NEED_DICT:
                throw DatasetError.gzipCorrupt(source: source, reason: "it needs a preset dictionary")
            case Z_MEM_ERROR:
                throw DatasetError.gzipCorrupt(source: source, reason: "out of memory")
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw DatasetError.gzipCorrupt(source: source, reason: message)
            }
        }
    }
}
