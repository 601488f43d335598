import Foundation

/// The new contents of a file while they are written: an unnamed `O_TMPFILE` inode in the target's
/// folder (nothing to leave behind if the process dies), or where the file system lacks
/// `O_TMPFILE`, a hidden `.NAME.PID.RAND.tmp` file that the next write to the folder cleans up.
struct TemporaryFile {
    /// The open file descriptor (closed by `close()`).
    let descriptor: Int32
    /// The temporary's name while it has one (the fallback); nil for an unnamed file.
    private(set) var namedPath: String?
    let folder: String
    let targetName: String

    /// `O_TMPFILE` as Linux defines it (`__O_TMPFILE | O_DIRECTORY`); Glibc's macro is not imported.
    private static let unnamedFlag: Int32 = 0o20000000 | O_DIRECTORY

    /// Opens a temporary for `targetName` in `folder` (`unnamed: false` goes straight to the named
    /// fallback). Throws `FileWriteError` (about `targetPath`).
    init(in folder: String, for targetName: String, targetPath: String, unnamed: Bool = true) throws {
        self.folder = folder
        self.targetName = targetName
        if unnamed {
            let descriptor = open(folder, Self.unnamedFlag | O_WRONLY | O_CLOEXEC, mode_t(0o600))
            if descriptor >= 0 {
                self.descriptor = descriptor
                namedPath = nil
                return
            }
            let code = errno
            // Kernels and file systems without O_TMPFILE answer EOPNOTSUPP, EISDIR or EINVAL.
            guard code == EOPNOTSUPP || code == EISDIR || code == EINVAL else {
                throw FileWriteError(errno: code, path: targetPath, operation: "creating a temporary file")
            }
        }
        while true {
            let path = folder + "/" + StaleTemporaries.name(for: targetName)
            let named = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode_t(0o600))
            if named >= 0 {
                descriptor = named
                namedPath = path
                return
            }
            guard errno == EEXIST else {
                throw FileWriteError(errno: errno, path: targetPath, operation: "creating a temporary file")
            }
        }
    }

    /// Writes all of `data`, then gives the file `existing`'s permissions and owner (or 0644) and
    /// flushes it to the disk.
    func fill(with data: Data, keeping existing: WriteTarget.Existing?, targetPath: String) throws {
        func failure(_ operation: String) -> FileWriteError {
            FileWriteError(errno: errno, path: targetPath, operation: operation)
        }
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, base + offset, min(raw.count - offset, 1 << 30))
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure("writing")
                }
                offset += written
            }
        }
        if let existing, geteuid() == 0 {
            _ = fchown(descriptor, existing.owner, existing.group)
        }
        guard fchmod(descriptor, existing?.mode ?? 0o644) == 0 else { throw failure("setting the permissions") }
        guard fsync(descriptor) == 0 else { throw failure("flushing to the disk") }
    }

    /// Puts the file in place of `targetPath` with one rename(2): an unnamed file first gets a
    /// hidden name through `/proc/self/fd/N`.
    mutating func replace(_ targetPath: String) throws {
        if namedPath == nil {
            while true {
                let path = folder + "/" + StaleTemporaries.name(for: targetName)
                if linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 {
                    namedPath = path
                    break
                }
                guard errno == EEXIST else {
                    throw FileWriteError(errno: errno, path: targetPath, operation: "naming the temporary file")
                }
            }
        }
        guard let namedPath, rename(namedPath, targetPath) == 0 else {
            throw FileWriteError(errno: errno, path: targetPath, operation: "renaming the temporary file into place")
        }
        self.namedPath = nil
    }

    /// Closes the file and removes its name if it still has one (after a failure).
    func close() {
        if let namedPath { unlink(namedPath) }
        _ = Glibc.close(descriptor)
    }
}
