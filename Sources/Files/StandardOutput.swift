import Foundation

/// Standard output written with write(2), so a closed pipe or a full disk is a `FileWriteError`
/// with a plain reason rather than an NSError.
public enum StandardOutput {
    /// Writes all of `data` to file descriptor 1. Throws `FileWriteError` about "standard output".
    public static func write(_ data: Data) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(STDOUT_FILENO, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileWriteError(errno: errno, path: "standard output", operation: "writing")
                }
                offset += written
            }
        }
    }
}
