import Foundation

/// Why a file could not be written, in words a person can act on. `description` names the path
/// and the cause ("the disk is full", "the file system is read-only", …) — never a raw NSError.
public enum FileWriteError: Error, Equatable, CustomStringConvertible {
    /// No space left on the device, or the user's quota is used up (ENOSPC, EDQUOT).
    case diskFull(path: String)
    /// The file system is mounted read-only (EROFS).
    case readOnly(path: String)
    /// The file or its folder may not be written by this user (EACCES, EPERM).
    case permissionDenied(path: String)
    /// The folder that should hold the file does not exist (ENOENT).
    case folderMissing(path: String, folder: String)
    /// Something other than a regular file is at the path (a device, FIFO, socket or folder).
    case notARegularFile(path: String, kind: String)
    /// A part of the path that should be a folder is a file (ENOTDIR).
    case folderIsAFile(path: String)
    /// Symbolic links that lead in a circle or too deep (ELOOP).
    case tooManyLinks(path: String)
    /// Any other system error, with the system's own short text.
    case system(path: String, operation: String, reason: String)

    /// The path the error is about.
    public var path: String {
        switch self {
        case .diskFull(let path), .readOnly(let path), .permissionDenied(let path), .folderMissing(let path, _),
             .notARegularFile(let path, _), .folderIsAFile(let path), .tooManyLinks(let path),
             .system(let path, _, _):
            return path
        }
    }

    /// The cause alone, without the path: "the disk is full".
    public var reason: String {
        switch self {
        case .diskFull: return "the disk is full"
        case .readOnly: return "the file system is read-only"
        case .permissionDenied: return "permission denied"
        case .folderMissing(_, let folder): return "the folder \(folder) does not exist"
        case .notARegularFile(_, let kind): return "it is \(kind), not a regular file; give a file path instead"
        case .folderIsAFile: return "a part of its folder path is a file, not a folder"
        case .tooManyLinks: return "its symbolic links lead in a circle or too deep"
        case .system(_, let operation, let reason): return "\(operation) failed (\(reason))"
        }
    }

    public var description: String { "cannot write \(path): \(reason)" }

    /// The error for a failed system call: `code` is its errno, `operation` a few words on what it
    /// was doing (used only for errors without a message of their own).
    public init(errno code: Int32, path: String, operation: String) {
        switch code {
        case ENOSPC, EDQUOT: self = .diskFull(path: path)
        case EROFS: self = .readOnly(path: path)
        case EACCES, EPERM: self = .permissionDenied(path: path)
        case ENOENT: self = .folderMissing(path: path, folder: (path as NSString).deletingLastPathComponent)
        case ELOOP: self = .tooManyLinks(path: path)
        case ENOTDIR: self = .folderIsAFile(path: path)
        case EISDIR: self = .notARegularFile(path: path, kind: "a folder")
        default: self = .system(path: path, operation: operation, reason: String(cString: strerror(code)))
        }
    }
}
