import Foundation

/// One cell's cache entry: what it showed, how long it took, and the session after it.
///
/// On disk: a first line `folio-cache-entry VERSION SHA256` (the SHA-256 of the rest) and the
/// entry as JSON. An entry of another format version, another Folio build or another key, or
/// whose bytes do not match their checksum, is refused (`decode` returns nil) and rebuilt.
struct CacheEntry: Codable, Equatable {
    static let formatVersion = 1
    static let magic = "folio-cache-entry"

    var format: Int
    var build: String
    var key: String
    var cell: Int
    var directive: String
    var seconds: Double
    var outputs: [Output]
    var snapshot: SessionSnapshot

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let body = try encoder.encode(self)
        return Data("\(Self.magic) \(format) \(FileDigests.sha256(body))\n".utf8) + body
    }

    /// The entry in `data` when it is whole, of this format, of `build` and for `key`; else nil.
    static func decode(_ data: Data, build: String, key: String) -> CacheEntry? {
        guard let newline = data.firstIndex(of: UInt8(ascii: "\n")),
              let header = String(data: data[data.startIndex..<newline], encoding: .utf8) else { return nil }
        let fields = header.split(separator: " ")
        guard fields.count == 3, fields[0] == magic, fields[1] == String(formatVersion) else { return nil }
        let body = data[data.index(after: newline)...]
        guard FileDigests.sha256(Data(body)) == fields[2] else { return nil }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let entry = try? decoder.decode(CacheEntry.self, from: Data(body)),
              entry.format == formatVersion, entry.build == build, entry.key == key else { return nil }
        return entry
    }
}
