import Foundation

/// Writes files so nobody ever sees half of one and a killed process leaves nothing behind.
///
/// A symbolic link is followed to its final target, which gets the bytes (the link stays a link;
/// a dangling link's target is created). Devices, FIFOs, sockets and folders are refused. The
/// bytes go to an unnamed `O_TMPFILE` in the target's folder, are flushed with fsync, named through
/// `/proc/self/fd/N` and renamed over the target; a replaced file keeps its permissions (a new one
/// gets 0644). Errors are `FileWriteError`s: "the disk is full", "permission denied", …
public enum AtomicFile {
    /// Writes `data` to `url`. With `createFolder`, the folder of `url` (as given, before links are
    /// followed) is created first when missing. Throws `FileWriteError`.
    public static func write(_ data: Data, to url: URL, createFolder: Bool = false) throws {
        try write(data, to: url, createFolder: createFolder, unnamed: true)
    }

    /// `write`, where `unnamed: false` takes the named-temporary fallback (for tests).
    static func write(_ data: Data, to url: URL, createFolder: Bool, unnamed: Bool) throws {
        let requested = url.path
        if createFolder {
            try makeFolder((requested as NSString).deletingLastPathComponent, for: requested)
        }
        let target = try WriteTarget.resolve(requested)
        var folderInfo = stat()
        guard stat(target.folder, &folderInfo) == 0 else {
            throw FileWriteError(errno: errno, path: target.path, operation: "looking at the folder")
        }
        guard folderInfo.st_mode & S_IFMT == S_IFDIR else {
            throw FileWriteError.folderMissing(path: target.path, folder: target.folder)
        }
        StaleTemporaries.removeAbandoned(in: target.folder, for: target.name)
        var file = try TemporaryFile(in: target.folder, for: target.name, targetPath: target.path, unnamed: unnamed)
        defer { file.close() }
        try file.fill(with: data, keeping: target.existing, targetPath: target.path)
        try file.replace(target.path)
        flushFolder(target.folder)
    }

    /// Creates `folder` and its missing parents (mkdir -p), errors about `path`.
    static func makeFolder(_ folder: String, for path: String) throws {
        guard !folder.isEmpty else { return }
        var info = stat()
        if stat(folder, &info) == 0 { return }
        try makeFolder((folder as NSString).deletingLastPathComponent, for: path)
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
            throw FileWriteError(errno: errno, path: path, operation: "creating the folder \(folder)")
        }
    }

    /// Flushes the folder entry of the rename to the disk (best effort).
    private static func flushFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }
}
