import Foundation
import Limits

/// Finds a dataset's folder on disk, or downloads the dataset into the cache.
///
/// Lookup order; a folder counts only when it holds all four standard files (raw or `.gz`):
/// 1. `$FOLIO_DATA/NAME/`
/// 2. `$XDG_CACHE_HOME/folio/datasets/NAME/` (XDG default `~/.cache`)
/// 3. for fashion-mnist, Debian's `/usr/share/datasets/fashion-mnist/` (`apt-get install dataset-fashion-mnist`)
/// 4. download the missing files from the mirror (`$FOLIO_DATASET_MIRROR` overrides it) into the
///    cache folder, verifying each against its checksum. `FOLIO_OFFLINE=1` forbids downloading.
public struct DatasetLocator {
    public var environment: [String: String]
    public var homeDirectory: URL
    public var systemFashionDirectory: URL
    /// Longest wait, in seconds, for a connection or between two pieces of a download.
    public var idleTimeout: TimeInterval
    /// Asked for, a download in progress is abandoned and `locate` throws `Limits.Cancelled`.
    public var cancellation: Cancellation?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                homeDirectory: URL = FileManager.default.homeDirectoryForCurrentUser,
                systemFashionDirectory: URL = URL(fileURLWithPath: "/usr/share/datasets/fashion-mnist"),
                idleTimeout: TimeInterval = 30, cancellation: Cancellation? = nil) {
        self.environment = environment
        self.homeDirectory = homeDirectory
        self.systemFashionDirectory = systemFashionDirectory
        self.idleTimeout = idleTimeout
        self.cancellation = cancellation
    }

    /// Finds or downloads `dataset`; returns the folder holding its four files.
    public func locate(_ dataset: DatasetCatalog, progress: ((DownloadProgress) -> Void)? = nil) throws -> URL {
        try locate(dataset.spec, systemDirectory: dataset == .fashionMNIST ? systemFashionDirectory : nil,
                   progress: progress)
    }

    /// Finds or downloads the dataset `spec` describes; `systemDirectory` is searched after the cache.
    public func locate(_ spec: DatasetSpec, systemDirectory: URL? = nil,
                       progress: ((DownloadProgress) -> Void)? = nil) throws -> URL {
        let cache = cacheDirectory(for: spec.name)
        var incomplete: [String] = []
        for candidate in candidates(spec, systemDirectory: systemDirectory) {
            let missing = DatasetFileName.missing(in: candidate)
            if missing.isEmpty { return candidate }
            if missing.count < DatasetFileName.allCases.count {
                incomplete.append("\(candidate.path) lacks \(missing.map(\.rawValue).joined(separator: ", "))")
            }
        }
        func unavailable(_ reason: String) -> DatasetError {
            .datasetUnavailable(dataset: spec.name, folioDataFolder: folioDataDirectory(for: spec.name)?.path,
                                cacheFolder: cache.path, incompleteFolders: incomplete, reason: reason)
        }
        if let offline = environment["FOLIO_OFFLINE"], !offline.isEmpty, offline != "0" {
            throw unavailable("downloads are turned off by FOLIO_OFFLINE")
        }
        let downloader = DatasetDownloader(mirror: mirror(for: spec), checksums: spec.checksums,
                                           sizes: spec.sizes, idleTimeout: idleTimeout, cancellation: cancellation)
        do {
            try downloader.download(into: cache, progress: progress)
        } catch DatasetError.downloadFailed(let url, let reason) {
            throw unavailable("\(url): \(reason)")
        }
        return cache
    }

    /// The folder `locate` would return without downloading: the first complete one, or nil.
    public func existingFolder(for dataset: DatasetCatalog) -> URL? {
        candidates(dataset.spec, systemDirectory: dataset == .fashionMNIST ? systemFashionDirectory : nil)
            .first { DatasetFileName.missing(in: $0).isEmpty }
    }

    /// The folders searched, in order: `$FOLIO_DATA/NAME`, the cache, the system folder.
    private func candidates(_ spec: DatasetSpec, systemDirectory: URL?) -> [URL] {
        [folioDataDirectory(for: spec.name), cacheDirectory(for: spec.name), systemDirectory].compactMap { $0 }
    }

    /// `$FOLIO_DATA/NAME`, or nil when `FOLIO_DATA` is unset or empty.
    public func folioDataDirectory(for name: String) -> URL? {
        guard let root = environment["FOLIO_DATA"], !root.isEmpty else { return nil }
        return URL(fileURLWithPath: root, isDirectory: true).appendingPathComponent(name, isDirectory: true)
    }

    /// `$XDG_CACHE_HOME/folio/datasets/NAME` (`~/.cache` when XDG_CACHE_HOME is unset or relative).
    public func cacheDirectory(for name: String) -> URL {
        let root: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            root = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            root = homeDirectory.appendingPathComponent(".cache", isDirectory: true)
        }
        return root.appendingPathComponent("folio/datasets/\(name)", isDirectory: true)
    }

    /// The mirror base URL: `$FOLIO_DATASET_MIRROR` when set, else the spec's, always ending in `/`.
    func mirror(for spec: DatasetSpec) -> String {
        var base = environment["FOLIO_DATASET_MIRROR"].flatMap { $0.isEmpty ? nil : $0 } ?? spec.mirror
        if !base.hasSuffix("/") { base += "/" }
        return base
    }
}
