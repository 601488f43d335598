import XCTest

/// An independent, test-only PNG reader for what `PNGEncoder` writes: it checks the signature, every
/// chunk's CRC, the zlib header, each stored deflate block's LEN/NLEN and the Adler-32 trailer, then
/// undoes filter type 0 — so the encoder is verified by a second implementation, not by itself.
struct DecodedPNG {
    var width: Int
    var height: Int
    var bitDepth: UInt8
    var colorType: UInt8
    var pixels: [UInt8]
    var chunkTypes: [String]
    var storedBlockCount: Int

    enum Failure: Error, Equatable {
        case badSignature, truncated, badCRC(String), badZlibHeader, notStored, badLength, badAdler
        case badFilter, missingHeader
    }

    static func decode(_ file: [UInt8]) throws -> DecodedPNG {
        guard file.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Failure.badSignature }
        var offset = 8
        var header: [UInt8] = []
        var data: [UInt8] = []
        var types: [String] = []
        while offset < file.count {
            guard offset + 12 <= file.count else { throw Failure.truncated }
            let length = Int(readUInt32(file, offset))
            guard offset + 12 + length <= file.count else { throw Failure.truncated }
            let typeAndData = Array(file[(offset + 4)..<(offset + 8 + length)])
            let type = String(decoding: typeAndData.prefix(4), as: UTF8.self)
            guard readUInt32(file, offset + 8 + length) == bitwiseCRC32(typeAndData) else { throw Failure.badCRC(type) }
            types.append(type)
            let body = Array(typeAndData.dropFirst(4))
            if type == "IHDR" { header = body }
            if type == "IDAT" { data += body }
            offset += 12 + length
        }
        guard header.count == 13 else { throw Failure.missingHeader }
        let width = Int(readUInt32(header, 0)), height = Int(readUInt32(header, 4))
        let (raw, blocks) = try inflateStored(data)
        guard raw.count == (width + 1) * height else { throw Failure.badLength }
        var pixels: [UInt8] = []
        for row in 0..<height {
            let start = row * (width + 1)
            guard raw[start] == 0 else { throw Failure.badFilter }
            pixels += raw[(start + 1)..<(start + 1 + width)]
        }
        return DecodedPNG(width: width, height: height, bitDepth: header[8], colorType: header[9], pixels: pixels,
                          chunkTypes: types, storedBlockCount: blocks)
    }

    private static func inflateStored(_ stream: [UInt8]) throws -> ([UInt8], Int) {
        guard stream.count >= 6, stream[0] & 0x0F == 8, (Int(stream[0]) * 256 + Int(stream[1])) % 31 == 0 else {
            throw Failure.badZlibHeader
        }
        var offset = 2
        var out: [UInt8] = []
        var blocks = 0
        var final = false
        while !final {
            guard offset + 5 <= stream.count else { throw Failure.truncated }
            final = stream[offset] & 1 == 1
            guard (stream[offset] >> 1) & 3 == 0 else { throw Failure.notStored }
            let length = Int(stream[offset + 1]) | Int(stream[offset + 2]) << 8
            let complement = Int(stream[offset + 3]) | Int(stream[offset + 4]) << 8
            guard length ^ 0xFFFF == complement, offset + 5 + length <= stream.count else { throw Failure.badLength }
            out += stream[(offset + 5)..<(offset + 5 + length)]
            offset += 5 + length
            blocks += 1
        }
        guard offset + 4 == stream.count, readUInt32(stream, offset) == naiveAdler32(out) else { throw Failure.badAdler }
        return (out, blocks)
    }

    static func readUInt32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        bytes[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// CRC-32 computed bit by bit, without a table.
    static func bitwiseCRC32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// Adler-32 reduced after every byte.
    static func naiveAdler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }
}
