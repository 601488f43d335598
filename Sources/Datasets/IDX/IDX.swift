import Foundation
import Limits

/// Reads the IDX file format: a 4-byte magic number (0, 0, element type, number of dimensions),
/// one big-endian 32-bit size per dimension, then the elements in row-major order.
///
/// ```swift
/// let images = try IDX.read(folder.appendingPathComponent("t10k-images-idx3-ubyte.gz"))
/// images.dimensions   // [10000, 28, 28]
/// ```
public enum IDX {
    /// Decodes the bytes of an uncompressed IDX file. `name` identifies the file in errors.
    ///
    /// Only element type 0x08 (unsigned byte) is loadable. The length must match the
    /// dimensions exactly: truncated files and trailing bytes are both errors.
    public static func decode(_ data: [UInt8], name: String) throws -> IDXArray {
        let header = try Header(data, name: name)
        if data.count < header.fileSize { throw DatasetError.idxTruncated(file: name, expected: header.fileSize, found: data.count) }
        if data.count > header.fileSize { throw DatasetError.idxTrailingBytes(file: name, expected: header.fileSize, found: data.count) }
        try MemoryBudget.require("data of \(name)", bytes: header.fileSize - header.length)
        return IDXArray(unchecked: header.dimensions, bytes: Array(data[header.length...]))
    }

    /// What an IDX file's first bytes declare: its dimensions, how long the header is, and the size
    /// of the whole file. Checks the magic number, the element type and that the size can be counted.
    struct Header {
        let dimensions: [Int]
        let length: Int
        let fileSize: Int

        /// Reads the header at the start of `data` (which may be only the file's first bytes).
        init(_ data: [UInt8], name: String) throws {
            guard data.count >= 4 else { throw DatasetError.idxTooShort(file: name, length: data.count) }
            let rank = Int(data[3])
            guard data[0] == 0, data[1] == 0, (1...4).contains(rank) else {
                throw DatasetError.idxBadMagic(file: name, magic: Array(data[0..<4]))
            }
            guard data[2] == IDXElementType.unsignedByte else {
                throw DatasetError.idxUnsupportedType(file: name, code: data[2])
            }
            length = 4 + 4 * rank
            guard data.count >= length else { throw DatasetError.idxTooShort(file: name, length: data.count) }
            dimensions = (0..<rank).map { index -> Int in
                let offset = 4 + 4 * index
                return data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            }
            guard let payload = IDXArray.elementCount(dimensions),
                  case (let size, false) = payload.addingReportingOverflow(length) else {
                throw DatasetError.idxSizeOverflow(file: name, dimensions: dimensions)
            }
            fileSize = size
        }
    }

    /// Reads and decodes an IDX file, gunzipping it first when it starts with the gzip
    /// signature 1f 8b, whatever its extension.
    public static func read(_ url: URL) throws -> IDXArray {
        let name = url.lastPathComponent
        let contents = try FileReading.bytes(of: url)
        if contents.count >= 2, contents[0] == 0x1f, contents[1] == 0x8b {
            return try decode(Gzip.decompress(contents, source: url.path), name: name)
        }
        return try decode(contents, name: name)
    }
}
