/// What the locator needs to find, download and verify one dataset.
///
/// The catalog's datasets each have one (`DatasetCatalog.spec`); tests build their own to
/// serve small fixture files with their own checksums.
public struct DatasetSpec: Sendable, Equatable {
    /// Folder name under `$FOLIO_DATA` and the cache, e.g. `mnist`.
    public var name: String
    /// Base URL the files are fetched from as `mirror + NAME.gz`.
    public var mirror: String
    /// SHA-256 (lowercase hex) of each file's decompressed IDX payload.
    public var checksums: [DatasetFileName: String]
    /// Size in bytes of each file's decompressed IDX payload, where known: a download is refused
    /// as soon as it passes it. Files without a size are bounded by `DatasetDownloader.maxFileBytes`.
    public var sizes: [DatasetFileName: Int]

    public init(name: String, mirror: String, checksums: [DatasetFileName: String], sizes: [DatasetFileName: Int] = [:]) {
        self.name = name
        self.mirror = mirror
        self.checksums = checksums
        self.sizes = sizes
    }
}
