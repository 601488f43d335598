import CSTB
import XCTest

/// A test-only reader for what `PNGEncoder` writes, independent of it: the signature and every chunk's
/// CRC are checked here bit by bit, and the pixels are decoded by stb_image (its own inflate), so the
/// encoder is verified by a second implementation, not by itself.
struct DecodedPNG {
    var width: Int
    var height: Int
    var bitDepth: UInt8
    var colorType: UInt8
    var pixels: [UInt8]
    var chunkTypes: [String]

    enum Failure: Error, Equatable {
        case badSignature, truncated, badCRC(String), missingHeader, undecodable
    }

    /// `components` per pixel in `pixels`: 1 gray, 3 RGB (stb_image converts as needed).
    static func decode(_ file: [UInt8], components: Int32 = 1) throws -> DecodedPNG {
        guard file.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Failure.badSignature }
        var offset = 8
        var header: [UInt8] = []
        var types: [String] = []
        while offset < file.count {
            guard offset + 12 <= file.count else { throw Failure.truncated }
            let length = Int(readUInt32(file, offset))
            guard offset + 12 + length <= file.count else { throw Failure.truncated }
            let typeAndData = Array(file[(offset + 4)..<(offset + 8 + length)])
            let type = String(decoding: typeAndData.prefix(4), as: UTF8.self)
            guard readUInt32(file, offset + 8 + length) == bitwiseCRC32(typeAndData) else { throw Failure.badCRC(type) }
            types.append(type)
            if type == "IHDR" { header = Array(typeAndData.dropFirst(4)) }
            offset += 12 + length
        }
        guard header.count == 13 else { throw Failure.missingHeader }
        var width: Int32 = 0, height: Int32 = 0, channels: Int32 = 0
        let decoded = file.withUnsafeBufferPointer { buffer in
            stbi_load_from_memory(buffer.baseAddress, Int32(buffer.count), &width, &height, &channels, components)
        }
        guard let decoded else { throw Failure.undecodable }
        defer { stbi_image_free(decoded) }
        let pixels = Array(UnsafeBufferPointer(start: decoded, count: Int(width) * Int(height) * Int(components)))
        return DecodedPNG(width: Int(width), height: Int(height), bitDepth: header[8], colorType: header[9],
                          pixels: pixels, chunkTypes: types)
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
}
