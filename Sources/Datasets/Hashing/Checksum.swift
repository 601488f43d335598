import Crypto

/// SHA-256 digests of downloaded dataset files, by apple/swift-crypto.
///
/// ```swift
/// Checksum.sha256Hex(Array("abc".utf8))
/// // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public enum Checksum {
    /// The SHA-256 digest of `bytes` as 64 lowercase hexadecimal digits.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// `digest`'s bytes as lowercase hexadecimal digits, two per byte.
    public static func hex<Digest: Sequence>(_ digest: Digest) -> String where Digest.Element == UInt8 {
        digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
