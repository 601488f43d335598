import Foundation

/// The file a write really replaces: the path with every symbolic link followed to its final
/// target (a dangling link names the file to create), checked to be a regular file or absent.
struct WriteTarget: Equatable {
    /// The final path, symbolic links resolved; the file that gets the bytes.
    var path: String
    /// The existing file's permission bits, owner and group; nil when the file is new.
    var existing: Existing?

    /// What is kept of a file that is replaced.
    struct Existing: Equatable {
        var mode: mode_t
        var owner: uid_t
        var group: gid_t
    }

    /// The folder holding `path`.
    var folder: String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// The file's own name.
    var name: String { (path as NSString).lastPathComponent }

    /// Links followed at most, as the kernel's own limit.
    static let maximumLinks = 40

    /// Follows `requested` through symbolic links; throws `FileWriteError` for a device, FIFO,
    /// socket or folder, or for links that never end.
    static func resolve(_ requested: String) throws -> WriteTarget {
        var path = requested
        for _ in 0...maximumLinks {
            var info = stat()
            guard lstat(path, &info) == 0 else {
                let code = errno
                if code == ENOENT { return WriteTarget(path: path, existing: nil) }
                throw FileWriteError(errno: code, path: path, operation: "looking at the file")
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                return WriteTarget(path: path, existing: Existing(mode: info.st_mode & 0o7777,
                                                                  owner: info.st_uid, group: info.st_gid))
            case S_IFLNK:
                path = try linkDestination(path)
            default:
                throw FileWriteError.notARegularFile(path: requested, kind: kind(info.st_mode))
            }
        }
        throw FileWriteError.tooManyLinks(path: requested)
    }

    /// Where the link at `path` points, relative destinations taken from the link's folder.
    private static func linkDestination(_ path: String) throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { throw FileWriteError(errno: errno, path: path, operation: "reading the link") }
        let destination = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if destination.hasPrefix("/") { return destination }
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? destination : folder + "/" + destination
    }

    /// "a folder", "a device", … for a file type from `st_mode`.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }
}
