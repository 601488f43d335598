import Foundation

/// What `folio clean` removed: the cache folder, how many files and bytes it held.
public struct CacheRemoval: Sendable, Equatable {
    public var folder: URL
    public var files: Int
    public var bytes: Int
}

extension CellCache {
    /// Removes the cache folder at `root`; nil when there was none. Refuses anything but a folder
    /// (a file or a link named like the cache is left alone).
    public static func remove(at root: URL) throws -> CacheRemoval? {
        var status = stat()
        guard lstat(root.path, &status) == 0 else { return nil }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw CacheError.notAFolder(root.path) }
        var files = 0, bytes = 0
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey]) {
            for case let url as URL in walker {
                let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
                guard values?.isRegularFile == true else { continue }
                files += 1
                bytes += values?.fileSize ?? 0
            }
        }
        do {
            try FileManager.default.removeItem(at: root)
        } catch {
            throw CacheError.cannotRemove(root.path, reason: error.localizedDescription)
        }
        return CacheRemoval(folder: root, files: files, bytes: bytes)
    }
}
