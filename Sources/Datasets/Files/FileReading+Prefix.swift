import Foundation

extension FileReading {
    /// Up to `count` bytes from the start of the regular file at `url`, and the file's size.
    static func prefix(of url: URL, count: Int) throws -> (bytes: [UInt8], fileSize: Int) {
        var status = stat()
        guard stat(url.path, &status) == 0 else {
            throw DatasetError.fileUnreadable(path: url.path, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw DatasetError.fileUnreadable(path: url.path, reason: "it is not a regular file")
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw DatasetError.fileUnreadable(path: url.path, reason: "it cannot be opened for reading")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: count) ?? Data()
            return ([UInt8](data), Int(status.st_size))
        } catch {
            throw DatasetError.fileUnreadable(path: url.path, reason: String(describing: error))
        }
    }
}
