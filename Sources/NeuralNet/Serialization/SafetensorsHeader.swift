import Foundation
import Limits

/// The part of a safetensors file before its data: the 8-byte little-endian length and the JSON
/// header, checked on their own — every tensor entry's dtype, shape and offsets, the entries
/// filling the data section exactly, no key given twice in one object, and `__metadata__` a map
/// of strings. Reading a header never touches (or allocates for) the tensor data.
struct SafetensorsHeader {
    /// One tensor's place in the data section (byte offsets, `end − begin` = 4 × its value count).
    struct Entry: Equatable {
        var name: String
        var shape: [Int]
        var begin: Int
        var end: Int
    }

    var metadata: [String: String]
    /// The tensors in data order.
    var entries: [Entry]

    /// The header length the first 8 bytes declare, checked against the `available` bytes after
    /// them and the 100 MB limit; throws `SafetensorsFile.Problem`.
    static func length(declaredBy bytes: [UInt8], available: Int) throws -> Int {
        guard bytes.count >= 8 else {
            throw SafetensorsFile.Problem("it is \(bytes.count) bytes long, too short for a safetensors file (8-byte header length, header, data)")
        }
        let declared = bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard declared <= UInt64(max(available, 0)) else {
            throw SafetensorsFile.Problem("its header length says \(declared) bytes but only \(available) follow (the file is truncated or not safetensors)")
        }
        let length = Int(declared)
        guard length >= 2, length <= SafetensorsFile.maximumHeaderBytes else {
            throw SafetensorsFile.Problem("its header length \(length) is outside 2…\(SafetensorsFile.maximumHeaderBytes) bytes")
        }
        return length
    }

    /// Parses the header's JSON and checks the entries against a data section of `dataCount` bytes.
    init(json: Data, dataCount: Int) throws {
        guard let header = JSONValue.parse(json)?.objectValue else {
            throw SafetensorsFile.Problem("its header is not a JSON object")
        }
        // JSONDecoder keeps the last of two equal keys; a header saying two things is refused.
        if let repeated = JSONRepeatedKey.first(in: json) {
            throw SafetensorsFile.Problem(repeated.headerReason)
        }
        var metadata: [String: String] = [:]
        var entries: [Entry] = []
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
                throw SafetensorsFile.Problem("tensors \(SafetensorsFile.brief(entries[index - 1].name)) and \(SafetensorsFile.brief(entry.name)) overlap in the data section")
            }
            guard entry.begin == expectedBegin else {
                throw SafetensorsFile.Problem("tensor \(SafetensorsFile.brief(entry.name)) starts at byte \(entry.begin) of the data section, leaving a gap after byte \(expectedBegin)")
            }
            guard entry.end <= dataCount else {
                throw SafetensorsFile.Problem("tensor \(SafetensorsFile.brief(entry.name)) ends at byte \(entry.end) but the data section has only \(dataCount) bytes (the file is truncated)")
            }
            expectedBegin = entry.end
        }
        guard expectedBegin == dataCount else {
            throw SafetensorsFile.Problem("the data section has \(dataCount) bytes but the tensors fill only \(expectedBegin)")
        }
        self.metadata = metadata
        self.entries = entries
    }

    /// Reads the length and the header of the file at `url` — never its data section, whose size
    /// comes from the file's length. Throws `SafetensorsFile.Problem`.
    static func read(from url: URL) throws -> SafetensorsHeader {
        func unreadable(_ error: Error) -> SafetensorsFile.Problem {
            SafetensorsFile.Problem("the file cannot be read (\(error.localizedDescription))")
        }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw unreadable(error)
        }
        defer { try? handle.close() }
        do {
            let size = Int(clamping: try handle.seekToEnd())
            try handle.seek(toOffset: 0)
            let prefix = [UInt8](try handle.read(upToCount: 8) ?? Data())
            let length = try Self.length(declaredBy: prefix, available: size - 8)
            let json = try handle.read(upToCount: length) ?? Data()
            guard json.count == length else {
                throw SafetensorsFile.Problem("its header is cut short: \(json.count) of \(length) bytes could be read")
            }
            return try SafetensorsHeader(json: json, dataCount: size - 8 - length)
        } catch let problem as SafetensorsFile.Problem {
            throw problem
        } catch {
            throw unreadable(error)
        }
    }

    private static func metadata(_ value: JSONValue) throws -> [String: String] {
        guard let members = value.objectValue else { throw SafetensorsFile.Problem("its __metadata__ is not a JSON object") }
        return try members.mapValues { member in
            guard let text = member.stringValue else {
                throw SafetensorsFile.Problem("its __metadata__ holds \(member.briefText), not a string")
            }
            return text
        }
    }

    private static func entry(name: String, _ value: JSONValue) throws -> Entry {
        typealias Problem = SafetensorsFile.Problem
        let label = "tensor \(SafetensorsFile.brief(name))"
        guard let fields = value.objectValue else { throw Problem("\(label) is described by \(value.briefText), not an object") }
        if let extra = fields.keys.sorted().first(where: { !["dtype", "shape", "data_offsets"].contains($0) }) {
            throw Problem("\(label) has the unexpected field \(SafetensorsFile.brief(extra))")
        }
        guard let dtype = fields["dtype"]?.stringValue else { throw Problem("\(label) has no dtype") }
        guard dtype == "F32" else { throw Problem("\(label) has dtype \(SafetensorsFile.brief(dtype)); Folio reads only F32") }
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
        return Entry(name: name, shape: shape, begin: begin, end: end)
    }
}
