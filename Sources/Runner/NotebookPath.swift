import Foundation

/// Paths written in a notebook (`path:`, `model:`), which are relative to the notebook's folder.
enum NotebookPath {
    /// `path` resolved against `directory` (absolute and `~/` paths are taken as they are).
    static func resolve(_ path: String, in directory: URL) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
        return directory.appendingPathComponent(expanded).standardizedFileURL
    }

    /// Why the file at `url` cannot be read, or nil when it is a readable regular file (or, with
    /// `folder`, a readable folder).
    static func problem(reading url: URL, folder: Bool = false) -> String? {
        var status = stat()
        guard stat(url.path, &status) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? "it does not exist" : String(cString: strerror(errno))
        }
        let kind = status.st_mode & S_IFMT
        if folder, kind != S_IFDIR { return "it is a file, not a folder" }
        if !folder, kind == S_IFDIR { return "it is a folder, not a file" }
        if !folder, kind != S_IFREG { return "it is not a regular file" }
        guard access(url.path, folder ? R_OK | X_OK : R_OK) == 0 else { return "it is not readable (\(String(cString: strerror(errno))))" }
        return nil
    }

    /// Why a file cannot be written at `url` (creating the folders it needs), or nil when it can:
    /// the path must not be a folder or other special file, and its nearest existing folder must be
    /// a writable folder.
    static func problem(writing url: URL) -> String? {
        var status = stat()
        if stat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { return "it is a folder" }
        if stat(url.path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            return "it is a device, pipe or socket, not a regular file"
        }
        var ancestor = url.deletingLastPathComponent()
        while stat(ancestor.path, &status) != 0, ancestor.path != "/" { ancestor = ancestor.deletingLastPathComponent() }
        guard status.st_mode & S_IFMT == S_IFDIR else { return "'\(ancestor.lastPathComponent)' is a file, not a folder" }
        guard access(ancestor.path, W_OK | X_OK) == 0 else { return "the folder \(ancestor.lastPathComponent) is not writable" }
        return nil
    }

    /// Whether `url` is an existing folder.
    static func isFolder(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
