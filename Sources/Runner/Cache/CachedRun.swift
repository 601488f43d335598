import Files
import Foundation
import Notebook

/// One run's use of the cell cache: the keys of its cells, the entries of the longest prefix of
/// cells that hit, the entries it adds, and the bookkeeping at the end.
struct CachedRun {
    let cache: CellCache
    let build: String
    let keys: [String?]
    /// The entries of the first `hits.count` cells, each checked (format, build, key, checksum)
    /// with the model blobs it needs.
    private(set) var hits: [CacheEntry] = []
    /// The session after the last hit.
    private(set) var lastSnapshot: SessionSnapshot?
    private var digests: FileDigests
    private var blobs: [String: Data] = [:]
    /// Entries read or written by this run (their last use is now).
    private var used: [String: CacheIndex.Record] = [:]
    private let notebookDirectory: URL
    private let environment: [String: String]

    /// nil when the cache cannot be used at all (the binary cannot be identified).
    init?(cache: CellCache, document: Document, notebookDirectory: URL, environment: [String: String]) {
        var digests = FileDigests.load(from: cache.digestsFile)
        guard let build = BuildID.current(&digests) else { return nil }
        self.cache = cache
        self.build = build
        self.notebookDirectory = notebookDirectory
        self.environment = environment
        keys = CellKeys.keys(for: document, build: build, notebookDirectory: notebookDirectory, environment: environment,
                             digests: &digests)
        self.digests = digests
        findHits(document.cells)
    }

    /// The longest prefix of cells whose entries exist and are sound. A `save` in it needs its
    /// snapshot and model blob (it runs again); so does the last hit (the record's results, or the
    /// session to restore when a cell after it runs). Other hits' snapshots are never decoded.
    private mutating func findHits(_ cells: [Cell]) {
        for (position, cell) in cells.enumerated() {
            guard let key = keys[position], let entry = read(key), entry.cell == cell.index else { break }
            if case .save = cell.directive {
                guard let snapshot = entry.snapshot(), snapshot.model.flatMap({ blob($0) }) != nil else { break }
            }
            hits.append(entry)
        }
        while let last = hits.last {
            if let snapshot = last.snapshot(),
               hits.count == cells.count || snapshot.model.map({ blob($0) != nil }) ?? true {
                lastSnapshot = snapshot
                break
            }
            hits.removeLast()
        }
        for entry in hits {
            used[entry.key] = CacheIndex.Record(used: 0, bytes: entrySize(entry.key), blob: nil)
        }
    }

    private func read(_ key: String) -> CacheEntry? {
        guard let data = try? Data(contentsOf: cache.entryFile(key)) else { return nil }
        return CacheEntry.decode(data, build: build, key: key)
    }

    /// A blob's bytes when its content still matches its name.
    private mutating func blob(_ digest: String) -> Data? {
        if let known = blobs[digest] { return known }
        guard let data = try? Data(contentsOf: cache.blobFile(digest)), FileDigests.sha256(data) == digest else { return nil }
        blobs[digest] = data
        return data
    }

    private func entrySize(_ key: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: cache.entryFile(key).path))?[.size] as? Int) ?? 0
    }

    /// The model bytes of a hit's snapshot (checked when the hits were found).
    mutating func model(of snapshot: SessionSnapshot) -> Data? {
        snapshot.model.flatMap { blob($0) }
    }

    /// The digests of a `load` source's files now (nil when they are not all readable).
    mutating func dataDigests(_ source: LoadDirective.DataSource) -> [String]? {
        guard let files = CellInputs.dataFiles(source, notebookDirectory: notebookDirectory, environment: environment) else { return nil }
        var result: [String] = []
        for file in files {
            guard let digest = digests.digest(of: file) else { return nil }
            result.append(digest)
        }
        return result
    }

    /// Stores a cell that ran: its outputs, seconds and the session after it. A cell without a
    /// key is not stored; a failure to write only costs the entry.
    mutating func store(_ result: CellResult, position: Int, session: Session, data: SessionSnapshot.DataReference?,
                        cells: [Cell]) {
        guard let key = keys[position] else { return }
        do {
            try FileManager.default.createDirectory(at: cache.entriesFolder, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: cache.blobsFolder, withIntermediateDirectories: true)
            let snapshot = try session.snapshot(data: data, cells: cells) { bytes in try storeBlob(bytes) }
            let head = CacheEntry.Head(format: CacheEntry.formatVersion, build: build, key: key, cell: result.cell.index,
                                       directive: result.cell.name, seconds: result.seconds, outputs: result.outputs)
            let entry = try CacheEntry(head: head, snapshot: snapshot)
            let bytes = try entry.encoded()
            try AtomicFile.write(bytes, to: cache.entryFile(key))
            used[key] = CacheIndex.Record(used: 0, bytes: bytes.count, blob: snapshot.model)
        } catch {
            return
        }
    }

    /// Writes a blob under its SHA-256 unless a sound copy is there already.
    private mutating func storeBlob(_ bytes: Data) throws -> String {
        let digest = FileDigests.sha256(bytes)
        if blobs[digest] == nil {
            if blob(digest) == nil { try AtomicFile.write(bytes, to: cache.blobFile(digest)) }
            blobs[digest] = bytes
        }
        return digest
    }

    /// Under the lock: marks this run's entries as used now, merges the digest memo, trims the cache.
    func finish() {
        let now = Date()
        try? FileManager.default.createDirectory(at: cache.root, withIntermediateDirectories: true)
        _ = CacheLock.withLock(cache.lockFile) {
            var index = CacheIndex.load(from: cache.indexFile)
            for (key, record) in used {
                index.records[key] = CacheIndex.Record(used: now.timeIntervalSince1970, bytes: record.bytes,
                                                       blob: record.blob ?? index.records[key]?.blob)
            }
            if digests.changed {
                var memo = digests
                memo.merge(FileDigests.load(from: cache.digestsFile))
                if let data = try? memo.encoded() { try? AtomicFile.write(data, to: cache.digestsFile) }
            }
            index.trim(cache, limit: cache.sizeLimit, now: now)
            try? index.write(to: cache.indexFile)
        }
    }
}
