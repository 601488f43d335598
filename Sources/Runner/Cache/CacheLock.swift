import Foundation

/// An exclusive `flock` on the cache's lock file, held while the index, the digest memo and the
/// trimming change, so two runs sharing a cache never interleave those updates.
enum CacheLock {
    /// Runs `body` holding the lock; without a lock file (a read-only cache) `body` does not run.
    static func withLock<T>(_ file: URL, _ body: () throws -> T) rethrows -> T? {
        let descriptor = open(file.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { return nil }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
