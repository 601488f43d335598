/// The element type codes of the IDX format (third byte of the magic number).
enum IDXElementType {
    static let unsignedByte: UInt8 = 0x08

    /// A readable name for an element type code, for error messages.
    static func name(of code: UInt8) -> String {
        switch code {
        case 0x08: return "unsigned byte"
        case 0x09: return "signed byte"
        case 0x0B: return "16-bit integer"
        case 0x0C: return "32-bit integer"
        case 0x0D: return "32-bit float"
        case 0x0E: return "64-bit float"
        default: return "not a defined IDX type"
        }
    }
}
