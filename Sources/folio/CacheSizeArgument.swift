import ArgumentParser
import Foundation
import Runner

/// `--cache-size SIZE` (`run --cache`, `preview`): checked while the arguments are parsed, so a bad
/// size is a usage error (exit 2) before anything runs.
enum CacheSizeArgument {
    static func validate(_ size: String?) throws {
        guard let size else { return }
        do {
            _ = try CacheSize.bytes(size)
        } catch {
            throw ValidationError(String(describing: error))
        }
    }

    /// The cell cache under `directory`'s `output/`, bounded by `size` (default 1 GB).
    static func cache(in directory: URL, size: String?) throws -> CellCache {
        CellCache(root: CellCache.defaultRoot(in: directory),
                  sizeLimit: try size.map(CacheSize.bytes) ?? CellCache.defaultSizeLimit)
    }
}
