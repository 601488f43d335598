import Foundation

extension IDX {
    /// The dimensions an IDX file (raw or gzip) declares, read from its first bytes only — what
    /// `folio check` needs to know a dataset's shape without loading it. Checks the magic number,
    /// the element type and, for a raw file, that its length matches the dimensions.
    public static func dimensions(of url: URL) throws -> [Int] {
        let name = url.lastPathComponent
        let prefixLength = 4 + 4 * 4
        let (start, fileSize) = try FileReading.prefix(of: url, count: 4096)
        let isGzip = start.count >= 2 && start[0] == 0x1f && start[1] == 0x8b
        let header = isGzip ? try Gzip.decompressedPrefix(of: start, count: prefixLength, source: url.path)
                            : Array(start.prefix(prefixLength))
        guard header.count >= 4 else { throw DatasetError.idxTooShort(file: name, length: header.count) }
        let rank = Int(header[3])
        guard header[0] == 0, header[1] == 0, (1...4).contains(rank) else {
            throw DatasetError.idxBadMagic(file: name, magic: Array(header[0..<4]))
        }
        guard header[2] == IDXElementType.unsignedByte else {
            throw DatasetError.idxUnsupportedType(file: name, code: header[2])
        }
        let headerLength = 4 + 4 * rank
        guard header.count >= headerLength else { throw DatasetError.idxTooShort(file: name, length: header.count) }
        let dimensions = (0..<rank).map { index -> Int in
            let offset = 4 + 4 * index
            return header[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        guard let payload = IDXArray.elementCount(dimensions),
              case (let expected, false) = payload.addingReportingOverflow(headerLength) else {
            throw DatasetError.idxSizeOverflow(file: name, dimensions: dimensions)
        }
        if !isGzip, fileSize < expected { throw DatasetError.idxTruncated(file: name, expected: expected, found: fileSize) }
        if !isGzip, fileSize > expected { throw DatasetError.idxTrailingBytes(file: name, expected: expected, found: fileSize) }
        return dimensions
    }
}
