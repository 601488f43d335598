import CZlib

/// A minimal PNG writer for 8-bit grayscale and RGB images: signature, IHDR, one IDAT, IEND.
///
/// The image data is compressed by the system zlib (deflate, level 9); chunk checksums are zlib's
/// CRC-32. Each scanline uses filter type 0 (None).
enum PNGEncoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The PNG file for a `width`×`height` image whose `gray` bytes (row-major, 0 = black,
    /// 255 = white) are taken as they are; missing bytes count as black, extra ones are ignored.
    /// Nil when a dimension is not positive or too large for PNG.
    static func grayscale(width: Int, height: Int, gray: [UInt8]) -> [UInt8]? {
        encode(width: width, height: height, channels: 1, colorType: 0, samples: gray)
    }

    /// The PNG file for a `width`×`height` colour image whose `rgb` bytes hold red, green and blue
    /// per pixel (row-major); missing bytes count as black, extra ones are ignored. Nil when a
    /// dimension is not positive or too large for PNG.
    static func rgb(width: Int, height: Int, rgb: [UInt8]) -> [UInt8]? {
        encode(width: width, height: height, channels: 3, colorType: 2, samples: rgb)
    }

    private static func encode(width: Int, height: Int, channels: Int, colorType: UInt8, samples: [UInt8]) -> [UInt8]? {
        guard width > 0, height > 0, width <= 0x7FFF_FFFF, height <= 0x7FFF_FFFF else { return nil }
        let (rowBytes, rowOverflow) = width.multipliedReportingOverflow(by: channels)
        guard !rowOverflow else { return nil }
        let (total, overflow) = (rowBytes + 1).multipliedReportingOverflow(by: height)
        guard !overflow, total <= 1 << 28 else { return nil }

        var scanlines: [UInt8] = []
        scanlines.reserveCapacity(total)
        for row in 0..<height {
            scanlines.append(0)   // filter type None
            let start = row * rowBytes
            for offset in 0..<rowBytes {
                let index = start + offset
                scanlines.append(index < samples.count ? samples[index] : 0)
            }
        }

        var header: [UInt8] = []
        header += bigEndian(UInt32(width))
        header += bigEndian(UInt32(height))
        header += [8, colorType, 0, 0, 0]   // bit depth 8, colour type, deflate, adaptive filters, no interlace

        guard let compressed = zlibCompressed(scanlines) else { return nil }
        var file = signature
        file += chunk("IHDR", header)
        file += chunk("IDAT", compressed)
        file += chunk("IEND", [])
        return file
    }

    /// `data` as a zlib stream (RFC 1950), or nil when zlib fails (out of memory).
    static func zlibCompressed(_ data: [UInt8]) -> [UInt8]? {
        var size = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { output in
            data.withUnsafeBufferPointer { input in
                compress2(output.baseAddress, &size, input.baseAddress, uLong(input.count), 9)
            }
        }
        guard status == Z_OK else { return nil }
        return Array(out.prefix(Int(size)))
    }

    /// A PNG chunk: length, type, data, CRC-32 of type and data.
    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let checked = Array(type.utf8) + data
        let crc = checked.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        return bigEndian(UInt32(data.count)) + checked + bigEndian(crc)
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
