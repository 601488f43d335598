import Crypto
import Datasets
import Foundation

/// SHA-256 of files, remembered by path, size and modification time (to the nanosecond), so an
/// unchanged file (a 50 MB dataset, the Folio binary) is read once, not on every run. The memo is
/// `digests.json` in the cache; a file whose size or time changed is hashed again.
struct FileDigests {
    /// What was known of one file when it was hashed.
    struct Record: Codable, Equatable {
        var size: Int64
        var modified: Int64
        var sha256: String
    }

    private(set) var records: [String: Record]
    /// Whether a record was added or replaced since loading (the memo should be written back).
    private(set) var changed = false

    init(records: [String: Record] = [:]) {
        self.records = records
    }

    /// The memo in `file`, or an empty one when it is missing or unreadable (it is only a memo).
    static func load(from file: URL) -> FileDigests {
        guard let data = try? Data(contentsOf: file),
              let records = try? JSONDecoder().decode([String: Record].self, from: data) else { return FileDigests() }
        return FileDigests(records: records)
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(records)
    }

    /// The hex SHA-256 of the regular file at `url` (links followed); nil when it cannot be read.
    mutating func digest(of url: URL) -> String? {
        let path = url.standardizedFileURL.path
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int64(status.st_size)
        let modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        if let known = records[path], known.size == size, known.modified == modified { return known.sha256 }
        guard let sha = Self.sha256(ofFileAt: path) else { return nil }
        records[path] = Record(size: size, modified: modified, sha256: sha)
        changed = true
        return sha
    }

    /// Keeps `other`'s records for paths this memo does not know (two runs merging their memos).
    mutating func merge(_ other: FileDigests) {
        records.merge(other.records) { mine, _ in mine }
    }

    /// Hashes a file in 1 MiB pieces (a dataset is never held whole for this).
    static func sha256(ofFileAt path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            // corelibs Foundation gives nil (not empty data) at the end of the file; an error throws.
            let piece: Data?
            do {
                piece = try handle.read(upToCount: 1 << 20)
            } catch {
                return nil
            }
            guard let chunk = piece, !chunk.isEmpty else { break }
            hasher.update(data: chunk)
        }
        return Checksum.hex(hasher.finalize())
    }

    static func sha256(_ data: Data) -> String { Checksum.hex(SHA256.hash(data: data)) }
}
