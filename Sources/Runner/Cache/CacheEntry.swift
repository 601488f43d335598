import Foundation

/// One cell's cache entry: what it showed, how long it took, and the session after it.
///
/// On disk: a first line `folio-cache-entry VERSION SHA256` (the SHA-256 of the rest), a line of
/// JSON with the entry's head (format, build, key, cell, seconds, outputs), then the snapshot as
/// JSON — decoded only when needed (a run where every cell hits needs only the last one). An entry
/// of another format version, another Folio build or another key, or whose bytes do not match
/// their checksum, is refused (`decode` returns nil) and rebuilt.
struct CacheEntry: Equatable {
    static let formatVersion = 1
    static let magic = "folio-cache-entry"

    /// Everything but the snapshot.
    struct Head: Codable, Equatable {
        var format: Int
        var build: String
        var key: String
        var cell: Int
        var directive: String
        var seconds: Double
        var outputs: [Output]
    }

    var head: Head
    /// The snapshot's JSON, as checked against the entry's checksum.
    var snapshotJSON: Data

    var key: String { head.key }
    var cell: Int { head.cell }
    var seconds: Double { head.seconds }
    var outputs: [Output] { head.outputs }

    init(head: Head, snapshot: SessionSnapshot) throws {
        self.head = head
        snapshotJSON = try Self.encoder.encode(snapshot)
    }

    private init(head: Head, snapshotJSON: Data) {
        self.head = head
        self.snapshotJSON = snapshotJSON
    }

    /// The session after the cell; nil if its JSON does not decode.
    func snapshot() -> SessionSnapshot? {
        try? Self.decoder.decode(SessionSnapshot.self, from: snapshotJSON)
    }

    func encoded() throws -> Data {
        let body = try Self.encoder.encode(head) + Data("\n".utf8) + snapshotJSON
        return Data("\(Self.magic) \(head.format) \(FileDigests.sha256(body))\n".utf8) + body
    }

    /// The entry in `data` when it is whole, of this format, of `build` and for `key`; else nil.
    static func decode(_ data: Data, build: String, key: String) -> CacheEntry? {
        let newline = UInt8(ascii: "\n")
        guard let firstEnd = data.firstIndex(of: newline),
              let header = String(data: data[data.startIndex..<firstEnd], encoding: .utf8) else { return nil }
        let fields = header.split(separator: " ")
        guard fields.count == 3, fields[0] == magic, fields[1] == String(formatVersion) else { return nil }
        let body = Data(data[data.index(after: firstEnd)...])
        guard FileDigests.sha256(body) == fields[2], let headEnd = body.firstIndex(of: newline),
              let head = try? decoder.decode(Head.self, from: body[body.startIndex..<headEnd]),
              head.format == formatVersion, head.build == build, head.key == key else { return nil }
        return CacheEntry(head: head, snapshotJSON: Data(body[body.index(after: headEnd)...]))
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }
}
