import Foundation

/// The safetensors container: an 8-byte little-endian header length N, N bytes of JSON header, then
/// the raw tensor bytes. The header maps each tensor name to
/// `{"dtype":"F32","shape":[…],"data_offsets":[begin,end]}` (offsets into the data section) and may
/// hold `"__metadata__"`, a map of strings. Only F32 tensors are written and read.
struct SafetensorsFile: Equatable {
    /// Tensors in data order.
    var tensors: [(name: String, tensor: Tensor)]
    var metadata: [String: String]

    /// Largest header accepted, as in the reference implementation (100 MB).
    static let maximumHeaderBytes = 100_000_000

    static func == (a: SafetensorsFile, b: SafetensorsFile) -> Bool {
        a.metadata == b.metadata && a.tensors.map(\.name) == b.tensors.map(\.name)
            && a.tensors.map(\.tensor) == b.tensors.map(\.tensor)
    }

    /// What is wrong with a file's bytes, as a phrase for `NeuralNetError.invalidModelFile`.
    struct Problem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}

extension SafetensorsFile {
    /// The file's bytes: tensors stored contiguously in the given order, the header padded with
    /// spaces to a multiple of 8 bytes so the data section is aligned.
    func encoded() -> Data {
        var entries: [String] = []
        if !metadata.isEmpty {
            let members = metadata.keys.sorted().map { JSONValue.quoted($0) + ":" + JSONValue.quoted(metadata[$0] ?? "") }
            entries.append("\"__metadata__\":{" + members.joined(separator: ",") + "}")
        }
        var offset = 0
        for (name, tensor) in tensors {
            let end = offset + tensor.count * MemoryLayout<Float>.size
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append(JSONValue.quoted(name) + ":{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Data(("{" + entries.joined(separator: ",") + "}").utf8)
        header.append(contentsOf: [UInt8](repeating: 0x20, count: (8 - header.count % 8) % 8))

        var data = Data(capacity: 8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(header)
        for (_, tensor) in tensors {
            let littleEndian = tensor.scalars.map { $0.bitPattern.littleEndian }
            littleEndian.withUnsafeBytes { data.append(contentsOf: $0) }
        }
        return data
    }

    /// Reads a file's bytes, checking every length, offset, type and shape; throws `Problem`.
    init(decoding data: Data) throws {
        let (header, dataStart) = try Self.header(of: data)
        try self.init(header: header, data: data, dataStart: dataStart)
    }

    /// The checked header of a file's bytes and where its data section starts; nothing the size
    /// of the tensors is allocated. Throws `Problem`.
    static func header(of data: Data) throws -> (header: SafetensorsHeader, dataStart: Int) {
        let headerLength = try SafetensorsHeader.length(declaredBy: [UInt8](data.prefix(8)), available: data.count - 8)
        let dataStart = 8 + headerLength
        let json = data.subdata(in: data.startIndex + 8 ..< data.startIndex + dataStart)
        return (try SafetensorsHeader(json: json, dataCount: data.count - dataStart), dataStart)
    }

    /// The tensors `header` (already checked against `data`'s length) describes.
    init(header: SafetensorsHeader, data: Data, dataStart: Int) throws {
        tensors = try data.withUnsafeBytes { raw in
            try header.entries.map { entry in
                let count = (entry.end - entry.begin) / MemoryLayout<Float>.size
                let base = dataStart + entry.begin
                let scalars = (0..<count).map { i in
                    Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: base + i * 4, as: UInt32.self)))
                }
                return (entry.name, try Tensor(shape: entry.shape, scalars: scalars))
            }
        }
        metadata = header.metadata
    }

    /// A name from an untrusted file, quoted and cut short for an error message.
    static func brief(_ name: String) -> String {
        JSONValue.string(name).briefText
    }
}
