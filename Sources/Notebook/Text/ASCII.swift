/// The handful of byte values the notebook grammar looks at.
enum ASCII {
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20
    static let hash: UInt8 = 0x23
    static let bar: UInt8 = 0x7C
    static let colon: UInt8 = 0x3A
    static let comma: UInt8 = 0x2C
    static let equals: UInt8 = 0x3D
    static let backtick: UInt8 = 0x60
    static let tilde: UInt8 = 0x7E
    static let doubleQuote: UInt8 = 0x22
    static let singleQuote: UInt8 = 0x27
    static let nul: UInt8 = 0x00
    static let backslash: UInt8 = 0x5C
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D

    /// The ASCII punctuation characters, which Markdown lets a backslash escape.
    static func isPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
            || (byte >= 0x7B && byte <= 0x7E)
    }

    static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// Letters, digits, `_` and `-`: the bytes an option key is made of.
    static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x5F || byte == 0x2D
    }
}
