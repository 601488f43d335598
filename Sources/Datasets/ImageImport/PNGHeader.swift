/// The width and height a PNG file's IHDR chunk claims, read without decoding anything.
///
/// stb_image refuses a PNG whose pixels would not fit in 2³⁰ bytes already while reading its
/// header, and then reports "unknown image type"; reading the claim here lets Folio say that the
/// image is too large instead.
enum PNGHeader {
    private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// (width, height) from the IHDR chunk, or nil when `bytes` does not start like a PNG file.
    static func dimensions(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 24, bytes.starts(with: signature), Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        func bigEndian(at offset: Int) -> Int {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        return (bigEndian(at: 16), bigEndian(at: 20))
    }
}
