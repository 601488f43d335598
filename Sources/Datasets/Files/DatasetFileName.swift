import Foundation

/// The four standard files of an MNIST-style dataset, each stored raw or gzip-compressed (`.gz`).
public enum DatasetFileName: String, CaseIterable, Sendable, Hashable {
    case trainImages = "train-images-idx3-ubyte"
    case trainLabels = "train-labels-idx1-ubyte"
    case testImages = "t10k-images-idx3-ubyte"
    case testLabels = "t10k-labels-idx1-ubyte"

    /// The name of the compressed form, as served by the mirrors.
    public var gzipName: String { rawValue + ".gz" }

    /// The file in `directory` holding this data, raw or `.gz` (raw preferred), or nil if neither exists.
    public func existingFile(in directory: URL) -> URL? {
        for name in [rawValue, gzipName] {
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return url
            }
        }
        return nil
    }

    /// The standard files missing from `directory`.
    static func missing(in directory: URL) -> [DatasetFileName] {
        allCases.filter { $0.existingFile(in: directory) == nil }
    }
}
