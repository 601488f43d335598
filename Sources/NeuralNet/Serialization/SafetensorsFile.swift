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
        let bytes = [UInt8](data)
        guard bytes.count >= 8 else {
            throw Problem("it is \(bytes.count) bytes long, too short for a safetensors file (8-byte header length, header, data)")
        }
        let declared = bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard declared <= UInt64(bytes.count - 8) else {
            throw Problem("its header length says \(declared) bytes but only \(bytes.count - 8) follow (the file is truncated or not safetensors)")
        }
        let headerLength = Int(declared)
        guard headerLength >= 2, headerLength <= Self.maximumHeaderBytes else {
            throw Problem("its header length \(headerLength) is outside 2…\(Self.maximumHeaderBytes) bytes")
        }
        guard let header = JSONValue.parse(Data(bytes[8..<(8 + headerLength)]))?.objectValue else {
            throw Problem("its header is not a JSON object")
        }
        let dataStart = 8 + headerLength
        let dataCount = bytes.count - dataStart

        var metadata: [String: String] = [:]
        var entries: [(name: String, shape: [Int], begin: Int, end: Int)] = []
        for (name, value) in header {
            if name == "__metadata__" {
                metadata = try Self.metadata(value)
            } else {
                entries.append(try Self.entry(name: name, value))
            }
        }
        entries.sort { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
        var expectedBegin = 0
        for (index, entry) in entries.enumerated() {
            if entry.begin < expectedBegin, index > 0 {
                throw Problem("tensors \(Self.brief(entries[index - 1].name)) and \(Self.brief(entry.name)) overlap in the data section")
            }
            guard entry.begin == expectedBegin else {
                throw Problem("tensor \(Self.brief(entry.name)) starts at byte \(entry.begin) of the data section, leaving a gap after byte \(expectedBegin)")
            }
            guard entry.end <= dataCount else {
                throw Problem("tensor \(Self.brief(entry.name)) ends at byte \(entry.end) but the data section has only \(dataCount) bytes (the file is truncated)")
            }
            expectedBegin = entry.end
        }
        guard expectedBegin == dataCount else {
            throw Problem("the data section has \(dataCount) bytes but the tensors fill only \(expectedBegin)")
        }
        tensors = try entries.map { entry in
            let count = (entry.end - entry.begin) / MemoryLayout<Float>.size
            var scalars = [Float](repeating: 0, count: count)
            bytes.withUnsafeBytes { raw in
                let base = dataStart + entry.begin
                for i in 0..<count {
                    let bits = raw.loadUnaligned(fromByteOffset: base + i * 4, as: UInt32.self)
                    scalars[i] = Float(bitPattern: UInt32(littleEndian: bits))
                }
            }
            return (entry.name, try Tensor(shape: entry.shape, scalars: scalars))
        }
        self.metadata = metadata
    }

    private static func metadata(_ value: JSONValue) throws -> [String: String] {
        guard let members = value.objectValue else { throw Problem("its __metadata__ is not a JSON object") }
        return try members.mapValues { member in
            guard let text = member.stringValue else {
                throw Problem("its __metadata__ holds \(member.briefText), not a string")
            }
            return text
        }
    }

    private static func entry(name: String, _ value: JSONValue) throws -> (name: String, shape: [Int], begin: Int, end: Int) {
        let label = "tensor \(brief(name))"
        guard let fields = value.objectValue else { throw Problem("\(label) is described by \(value.briefText), not an object") }
        if let extra = fields.keys.sorted().first(where: { !["dtype", "shape", "data_offsets"].contains($0) }) {
            throw Problem("\(label) has the unexpected field \(brief(extra))")
        }
        guard let dtype = fields["dtype"]?.stringValue else { throw Problem("\(label) has no dtype") }
        guard dtype == "F32" else { throw Problem("\(label) has dtype \(brief(dtype)); Folio reads only F32") }
        guard let shapeValues = fields["shape"]?.arrayValue else { throw Problem("\(label) has no shape list") }
        let shape = try shapeValues.map { value -> Int in
            guard let dimension = value.integerValue, dimension >= 0 else {
                throw Problem("\(label) has the shape entry \(value.briefText), not a whole number ≥ 0")
            }
            return dimension
        }
        guard let offsets = fields["data_offsets"]?.arrayValue, offsets.count == 2,
              let begin = offsets[0].integerValue, let end = offsets[1].integerValue, begin >= 0, begin <= end else {
            throw Problem("\(label) needs data_offsets [begin, end] with 0 ≤ begin ≤ end")
        }
        guard let count = Checked.product(shape.map { Optional($0) }), let bytes = Checked.product(count, 4),
              bytes == end - begin else {
            throw Problem("\(label) has shape \(shape) but data_offsets span \(end - begin) bytes, not 4 per value")
        }
        return (name, shape, begin, end)
    }

    /// A name from an untrusted file, quoted and cut short for an error message.
    static func brief(_ name: String) -> String {
        JSONValue.string(name).briefText
    }
}
