import Foundation

/// The identity of the running Folio binary: the SHA-256 of its bytes (`/proc/self/exe`), so a
/// rebuilt Folio never trusts entries an older one wrote, even with the same version string.
/// Memoised like any file in `FileDigests` (by the binary's path, size and modification time).
enum BuildID {
    /// nil when the binary cannot be read (the cache is then not used).
    static func current(_ digests: inout FileDigests) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let path = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return digests.digest(of: URL(fileURLWithPath: path))
    }
}
