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
        let parsed = try Header(header, name: name)
        if !isGzip, fileSize < parsed.fileSize { throw DatasetError.idxTruncated(file: name, expected: parsed.fileSize, found: fileSize) }
        if !isGzip, fileSize > parsed.fileSize { throw DatasetError.idxTrailingBytes(file: name, expected: parsed.fileSize, found: fileSize) }
        return parsed.dimensions
    }
}
