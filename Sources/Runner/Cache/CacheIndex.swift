import Files
import Foundation

/// The cache's bookkeeping (`index.json`): when each entry was last used, its size and its model
/// blob; and the trimming that keeps the cache under its size, least recently used first.
/// Only changed under `CacheLock`.
struct CacheIndex: Codable {
    struct Record: Codable {
        var used: Double
        var bytes: Int
        var blob: String?
    }

    var records: [String: Record] = [:]

    /// Files younger than this that the index does not know may belong to a run still writing; they are kept.
    static let graceSeconds: TimeInterval = 120

    static func load(from file: URL) -> CacheIndex {
        guard let data = try? Data(contentsOf: file), let index = try? JSONDecoder().decode(CacheIndex.self, from: data) else {
            return CacheIndex()
        }
        return index
    }

    func write(to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: file)
    }

    /// Drops least recently used entries until entries plus the blobs they use fit in `limit`
    /// bytes, then removes blobs and entries nothing refers to (past the grace period).
    mutating func trim(_ cache: CellCache, limit: Int, now: Date = Date()) {
        let manager = FileManager.default
        func size(_ url: URL) -> Int { ((try? manager.attributesOfItem(atPath: url.path))?[.size] as? Int) ?? 0 }
        func age(_ url: URL) -> TimeInterval {
            let modified = (try? manager.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
            return modified.map { now.timeIntervalSince($0) } ?? .infinity
        }
        // Forget entries whose file is gone.
        records = records.filter { manager.fileExists(atPath: cache.entryFile($0.key).path) }
        var blobSizes: [String: Int] = [:]
        for blob in Set(records.values.compactMap(\.blob)) { blobSizes[blob] = size(cache.blobFile(blob)) }
        func total() -> Int {
            records.values.reduce(0) { $0 + $1.bytes } + Set(records.values.compactMap(\.blob)).reduce(0) { $0 + (blobSizes[$1] ?? 0) }
        }
        let before = Set(records.values.compactMap(\.blob))
        var current = total()
        for (key, _) in records.sorted(by: { $0.value.used < $1.value.used }) where current > limit {
            try? manager.removeItem(at: cache.entryFile(key))
            records[key] = nil
            current = total()
        }
        let referenced = Set(records.values.compactMap(\.blob))
        for name in (try? manager.contentsOfDirectory(atPath: cache.blobsFolder.path)) ?? [] where !referenced.contains(name) && !name.hasPrefix(".") {
            let url = cache.blobFile(name)
            // A blob only dropped entries used goes now; one the index never knew may be a running run's.
            if before.contains(name) || age(url) > Self.graceSeconds { try? manager.removeItem(at: url) }
        }
        for name in (try? manager.contentsOfDirectory(atPath: cache.entriesFolder.path)) ?? [] where records[name] == nil && !name.hasPrefix(".") {
            let url = cache.entryFile(name)
            if age(url) > Self.graceSeconds { try? manager.removeItem(at: url) }
        }
    }
}
