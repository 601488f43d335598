/// A minimal PNG writer for 8-bit grayscale images: signature, IHDR, one IDAT, IEND.
///
/// The image data is a zlib stream of *stored* (uncompressed) deflate blocks — no compressor needed,
/// and a 28×28 digit still costs under 900 bytes. Each scanline uses filter type 0 (None).
enum PNGEncoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// The most bytes one stored deflate block can hold.
    static let maxStoredBlock = 65_535

    /// The PNG file for a `width`×`height` image whose `gray` bytes (row-major, 0 = black,
    /// 255 = white) are taken as they are; missing bytes count as black, extra ones are ignored.
    /// Nil when a dimension is not positive or too large for PNG.
    static func grayscale(width: Int, height: Int, gray: [UInt8]) -> [UInt8]? {
        guard width > 0, height > 0, width <= 0x7FFF_FFFF, height <= 0x7FFF_FFFF else { return nil }
        let (rowProduct, overflow) = (width + 1).multipliedReportingOverflow(by: height)
        guard !overflow, rowProduct <= 1 << 28 else { return nil }

        var scanlines: [UInt8] = []
        scanlines.reserveCapacity(rowProduct)
        for row in 0..<height {
            scanlines.append(0)   // filter type None
            let start = row * width
            for column in 0..<width {
                let index = start + column
                scanlines.append(index < gray.count ? gray[index] : 0)
            }
        }

        var header: [UInt8] = []
        header += bigEndian(UInt32(width))
        header += bigEndian(UInt32(height))
        header += [8, 0, 0, 0, 0]   // bit depth 8, colour type 0 (grayscale), deflate, adaptive filters, no interlace

        var file = signature
        file += chunk("IHDR", header)
        file += chunk("IDAT", zlibStored(scanlines))
        file += chunk("IEND", [])
        return file
    }

    /// A zlib stream (RFC 1950) holding `data` in stored deflate blocks (RFC 1951 §3.2.4).
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]   // deflate, 32 KiB window; header check bits make 0x7801 % 31 == 0
        var offset = 0
        repeat {
            let length = min(maxStoredBlock, data.count - offset)
            let isLast = offset + length == data.count
            out.append(isLast ? 1 : 0)   // BFINAL, BTYPE = 00 (stored)
            out += [UInt8(length & 0xFF), UInt8(length >> 8)]
            out += [UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += data[offset..<(offset + length)]
            offset += length
        } while offset < data.count
        out += bigEndian(Checksums.adler32(data))
        return out
    }

    /// A PNG chunk: length, type, data, CRC-32 of type and data.
    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(Checksums.crc32(typeBytes + data))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
