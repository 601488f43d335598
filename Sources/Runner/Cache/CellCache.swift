import Foundation

/// The cell cache: what each cell showed and the session after it, keyed by everything the cell
/// depends on (see `CellKeys`), so a re-run restores the unchanged cells at the top of a notebook
/// instead of executing them. One cache serves every report under `output/`: it lives in
/// `output/.folio-cache/` and is bounded by `sizeLimit` (least recently used entries go first).
///
/// Layout: `entries/KEY` (one `CacheEntry` per cell key), `blobs/SHA256` (model snapshots, stored
/// once by content), `index.json` (last use and size of each entry), `digests.json` (SHA-256 of
/// files by path, size and modification time), `lock` (an `flock` held while the index changes).
public struct CellCache: Sendable {
    /// The default bound on the cache's size: 1 GiB.
    public static let defaultSizeLimit = 1 << 30
    /// The cache folder's name inside `output/`.
    public static let folderName = ".folio-cache"

    /// The cache folder.
    public let root: URL
    /// After a run, least recently used entries are dropped until the cache holds at most this many bytes.
    public var sizeLimit: Int

    public init(root: URL, sizeLimit: Int = CellCache.defaultSizeLimit) {
        self.root = root
        self.sizeLimit = sizeLimit
    }

    /// `output/.folio-cache` under `directory` (a run's current folder).
    public static func defaultRoot(in directory: URL) -> URL {
        directory.appendingPathComponent("output", isDirectory: true).appendingPathComponent(folderName, isDirectory: true)
    }

    var entriesFolder: URL { root.appendingPathComponent("entries", isDirectory: true) }
    var blobsFolder: URL { root.appendingPathComponent("blobs", isDirectory: true) }
    var indexFile: URL { root.appendingPathComponent("index.json") }
    var digestsFile: URL { root.appendingPathComponent("digests.json") }
    var lockFile: URL { root.appendingPathComponent("lock") }

    func entryFile(_ key: String) -> URL { entriesFolder.appendingPathComponent(key) }
    func blobFile(_ digest: String) -> URL { blobsFolder.appendingPathComponent(digest) }
}
