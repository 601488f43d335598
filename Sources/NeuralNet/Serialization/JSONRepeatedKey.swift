import Foundation

/// A key that appears twice in one JSON object. Foundation's JSONDecoder keeps the last of them
/// silently, so untrusted JSON (a model file's header, its architecture, …) is scanned for them
/// first: a file saying two different things under one name is refused, not half believed.
struct JSONRepeatedKey: Equatable {
    /// The repeated key, escapes decoded (`"a"` and `"\u0061"` are the same key).
    var key: String
    /// The keys leading from the top-level object to the one holding `key`; empty at the top.
    var objectPath: [String]

    /// The first repeated key in `data`, in document order; nil when there is none or when `data`
    /// is not well-formed JSON (the JSON parser reports that).
    static func first(in data: Data) -> JSONRepeatedKey? {
        var scanner = Scanner(bytes: [UInt8](data))
        do {
            try scanner.value(path: [], depth: 0)
        } catch Scanner.Stop.repeated(let found) {
            return found
        } catch {
            return nil
        }
        return nil
    }

    /// A minimal JSON walker: it checks objects' keys and skips everything else.
    private struct Scanner {
        enum Stop: Error {
            case repeated(JSONRepeatedKey)
            case malformed
        }

        let bytes: [UInt8]
        var index = 0
        /// Deeper documents are left to the parser, which refuses them.
        static let maximumDepth = 512

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func value(path: [String], depth: Int) throws {
            guard depth < Self.maximumDepth else { throw Stop.malformed }
            skipWhitespace()
            guard index < bytes.count else { throw Stop.malformed }
            switch bytes[index] {
            case UInt8(ascii: "{"): try object(path: path, depth: depth)
            case UInt8(ascii: "["): try array(path: path, depth: depth)
            case UInt8(ascii: "\""): _ = try string()
            default: try scalar()
            }
        }

        private mutating func object(path: [String], depth: Int) throws {
            index += 1
            var seen = Set<String>()
            skipWhitespace()
            if peek(UInt8(ascii: "}")) { index += 1; return }
            while true {
                skipWhitespace()
                guard peek(UInt8(ascii: "\"")) else { throw Stop.malformed }
                let key = try string()
                guard seen.insert(key).inserted else {
                    throw Stop.repeated(JSONRepeatedKey(key: key, objectPath: path))
                }
                skipWhitespace()
                guard peek(UInt8(ascii: ":")) else { throw Stop.malformed }
                index += 1
                try value(path: path + [key], depth: depth + 1)
                skipWhitespace()
                if peek(UInt8(ascii: ",")) { index += 1; continue }
                guard peek(UInt8(ascii: "}")) else { throw Stop.malformed }
                index += 1
                return
            }
        }

        private mutating func array(path: [String], depth: Int) throws {
            index += 1
            skipWhitespace()
            if peek(UInt8(ascii: "]")) { index += 1; return }
            var position = 0
            while true {
                try value(path: path + [String(position)], depth: depth + 1)
                position += 1
                skipWhitespace()
                if peek(UInt8(ascii: ",")) { index += 1; continue }
                guard peek(UInt8(ascii: "]")) else { throw Stop.malformed }
                index += 1
                return
            }
        }

        /// A number, true, false or null: skipped up to the next delimiter.
        private mutating func scalar() throws {
            let start = index
            while index < bytes.count, !Self.delimiters.contains(bytes[index]) { index += 1 }
            guard index > start else { throw Stop.malformed }
        }

        private static let delimiters: Set<UInt8> = Set(",]}: \t\r\n".utf8)

        /// A string literal with its escapes decoded; `index` is at its opening quote.
        private mutating func string() throws -> String {
            index += 1
            var scalars = String.UnicodeScalarView()
            var run: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
                run.removeAll(keepingCapacity: true)
            }
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") {
                    flush()
                    return String(scalars)
                }
                guard byte == UInt8(ascii: "\\") else { run.append(byte); continue }
                guard index < bytes.count else { throw Stop.malformed }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): run.append(escape)
                case UInt8(ascii: "b"): run.append(0x08)
                case UInt8(ascii: "f"): run.append(0x0C)
                case UInt8(ascii: "n"): run.append(0x0A)
                case UInt8(ascii: "r"): run.append(0x0D)
                case UInt8(ascii: "t"): run.append(0x09)
                case UInt8(ascii: "u"):
                    flush()
                    scalars.append(try escapedScalar())
                default: throw Stop.malformed
                }
            }
            throw Stop.malformed
        }

        /// The character of a `\uXXXX` escape (a surrogate pair when one follows); after the `u`.
        private mutating func escapedScalar() throws -> Unicode.Scalar {
            let first = try hex4()
            if (0xD800..<0xDC00).contains(first), index + 1 < bytes.count,
               bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let save = index
                index += 2
                let second = try hex4()
                if (0xDC00..<0xE000).contains(second),
                   let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) {
                    return scalar
                }
                index = save
            }
            return Unicode.Scalar(first) ?? "\u{FFFD}"
        }

        private mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count,
                  let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
                throw Stop.malformed
            }
            index += 4
            return value
        }

        private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

        private mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }
    }
}

extension JSONRepeatedKey {
    /// Where the key sits, for messages: "the tensor entry layers.0.kernel", "__metadata__", …
    var placeDescription: String {
        objectPath.isEmpty ? "the top level" : objectPath.map { SafetensorsFile.brief($0) }.joined(separator: " → ")
    }
}

extension JSONRepeatedKey {
    /// Throws `Architecture.Problem` when the JSON text `json` of a model file's metadata entry
    /// (`what`: "the architecture", "its preparation", …) repeats a key in one object.
    static func refuse(in json: String, what: String) throws {
        guard let repeated = first(in: Data(json.utf8)) else { return }
        let place = repeated.objectPath.isEmpty ? "" : " (in \(repeated.placeDescription))"
        throw Architecture.Problem("\(what) gives the key \(SafetensorsFile.brief(repeated.key)) twice\(place); a model file must say each thing once")
    }

    /// The reason a safetensors header with this repeated key is refused.
    var headerReason: String {
        let key = SafetensorsFile.brief(self.key)
        switch objectPath.count {
        case 0 where self.key == "__metadata__":
            return "its header holds __metadata__ twice; a model file must say each thing once"
        case 0:
            return "its header lists the tensor \(key) twice; a model file must name each tensor once"
        case 1 where objectPath[0] == "__metadata__":
            return "its __metadata__ gives the key \(key) twice; a model file must say each thing once"
        default:
            return "its header gives the key \(key) twice in \(placeDescription); a model file must say each thing once"
        }
    }
}
