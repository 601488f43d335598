/// Why the cell cache could not be used or removed. A cache that cannot be used never stops a
/// run (the cells just run); these reach the reader only from `folio clean` and `--cache-size`.
public enum CacheError: Error, Equatable, CustomStringConvertible {
    /// `--cache-size` is not a size such as `500MB` or `1GB`.
    case invalidSize(String)
    /// The cache path exists but is not a folder.
    case notAFolder(String)
    case cannotRemove(String, reason: String)

    public var description: String {
        switch self {
        case .invalidSize(let text):
            return "'\(text)' is not a cache size: write a number of bytes, or one with KB, MB or GB (e.g. 500MB, 1GB)"
        case .notAFolder(let path):
            return "\(path) is not a folder, so it is not a Folio cache; it was left alone"
        case .cannotRemove(let path, let reason):
            return "cannot remove the cache \(path): \(reason)"
        }
    }
}
