extension Palette {
    /// ColorBrewer "RdBu" (11 classes) from blue (most negative) through a near-white middle (zero)
    /// to red (most positive): the diverging scale of weight pictures. Its ends are dark and its
    /// middle light, so a picture reads on a light and a dark page alike inside its frame.
    static let blueWhiteRed: [RGB] = [
        RGB(0x05, 0x30, 0x61), RGB(0x21, 0x66, 0xac), RGB(0x43, 0x93, 0xc3), RGB(0x92, 0xc5, 0xde),
        RGB(0xd1, 0xe5, 0xf0), RGB(0xf7, 0xf7, 0xf7), RGB(0xfd, 0xdb, 0xc7), RGB(0xf4, 0xa5, 0x82),
        RGB(0xd6, 0x60, 0x4d), RGB(0xb2, 0x18, 0x2b), RGB(0x67, 0x00, 0x1f),
    ]

    /// The diverging colour of `value` on the symmetric range −`limit`…`limit` (clamped; a
    /// non-finite value, or a range that is not positive, gives the middle colour).
    static func diverging(_ value: Double, limit: Double) -> RGB {
        guard value.isFinite, limit.isFinite, limit > 0 else { return blueWhiteRed[blueWhiteRed.count / 2] }
        return interpolated(blueWhiteRed, at: (min(max(value / limit, -1), 1) + 1) / 2)
    }
}
