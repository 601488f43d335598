import Foundation
import Runner

/// What a file looks like from outside — present or not, size, modification time, inode — for
/// every watched file and every visible entry of a watched folder. Two stamps differ when any
/// file was written, replaced (an editor's write-and-rename gives a new inode), added or removed.
struct FileStamps: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        var exists: Bool
        var size: Int64 = 0
        var seconds: Int = 0
        var nanoseconds: Int = 0
        var inode: UInt64 = 0
    }

    var stamps: [String: Stamp] = [:]

    /// Stats every file of `files` (and the entries of folders that count them) now.
    static func take(_ files: [WatchedFile]) -> FileStamps {
        var result = FileStamps()
        for file in files {
            let path = file.url.path
            let stamp = stamp(of: path)
            result.stamps[path] = stamp
            guard file.includesFolderEntries, stamp.exists,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in names where !name.hasPrefix(".") {
                let entry = (path as NSString).appendingPathComponent(name)
                result.stamps[entry] = Self.stamp(of: entry)
            }
        }
        return result
    }

    /// Whether a file stamped in both `earlier` and these stamps differs. A file only one of them
    /// knows is no change by itself: a folder's own stamp changes when an entry comes or goes.
    func differ(from earlier: FileStamps) -> Bool {
        stamps.contains { path, stamp in earlier.stamps[path].map { $0 != stamp } ?? false }
    }

    /// `earlier` updated with every stamp of these (files new to either are added).
    func merged(into earlier: FileStamps) -> FileStamps {
        FileStamps(stamps: earlier.stamps.merging(stamps) { _, new in new })
    }

    private static func stamp(of path: String) -> Stamp {
        var status = stat()
        guard stat(path, &status) == 0 else { return Stamp(exists: false) }
        return Stamp(exists: true, size: Int64(status.st_size), seconds: Int(status.st_mtim.tv_sec),
                     nanoseconds: Int(status.st_mtim.tv_nsec), inode: UInt64(status.st_ino))
    }
}
