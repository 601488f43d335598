import Foundation

/// Downloads the standard files a cache folder lacks, all or nothing.
///
/// Each file is fetched as `mirror + NAME.gz`, its decompressed payload checked against its
/// SHA-256, and written to a hidden temporary file in the cache folder. Only when every missing
/// file has arrived intact are they renamed to their final names, so the cache never holds a
/// half-written or unverified file under a real name.
struct DatasetDownloader {
    var mirror: String
    var checksums: [DatasetFileName: String]
    var idleTimeout: TimeInterval
    /// A dataset file larger than this is refused (the largest real one, fashion-mnist's training images, is 26 MB).
    var maxFileBytes = 200_000_000

    func download(into directory: URL, progress: ((DownloadProgress) -> Void)?) throws {
        let missing = DatasetFileName.missing(in: directory)
        guard !missing.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw DatasetError.cacheNotWritable(path: directory.path, reason: String(describing: error))
        }
        var staged: [(temporary: URL, final: URL)] = []
        defer { for file in staged { try? FileManager.default.removeItem(at: file.temporary) } }
        for file in missing {
            let bytes = try fetchVerified(file, progress: progress)
            let finalName = bytes.starts(with: [0x1f, 0x8b]) ? file.gzipName : file.rawValue
            let temporary = directory.appendingPathComponent(".\(finalName).\(UUID().uuidString).partial")
            do {
                try Data(bytes).write(to: temporary)
            } catch {
                throw DatasetError.cacheNotWritable(path: directory.path, reason: String(describing: error))
            }
            staged.append((temporary, directory.appendingPathComponent(finalName)))
        }
        for file in staged where rename(file.temporary.path, file.final.path) != 0 {
            throw DatasetError.cacheNotWritable(path: file.final.path, reason: String(cString: strerror(errno)))
        }
        staged.removeAll()
    }

    /// The bytes served for `file`, after checking the checksum of their decompressed payload.
    private func fetchVerified(_ file: DatasetFileName, progress: ((DownloadProgress) -> Void)?) throws -> [UInt8] {
        let address = mirror + file.gzipName
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host != nil else {
            throw DatasetError.invalidMirror(mirror)
        }
        let fetcher = HTTPFetcher(idleTimeout: idleTimeout, totalTimeout: 3600, maxBytes: maxFileBytes)
        progress?(DownloadProgress(file: file.gzipName, receivedBytes: 0, totalBytes: nil))
        let bytes = try fetcher.fetch(url) { received, total in
            progress?(DownloadProgress(file: file.gzipName, receivedBytes: received, totalBytes: total))
        }
        let payload: [UInt8]
        do {
            payload = bytes.starts(with: [0x1f, 0x8b]) ? try Gzip.decompress(bytes, source: address) : bytes
        } catch let error as DatasetError {
            throw DatasetError.downloadFailed(url: address, reason: "the file is damaged: \(error.description)")
        }
        let expected = checksums[file]?.lowercased() ?? ""
        let actual = Checksum.sha256Hex(payload)
        guard actual == expected else {
            throw DatasetError.checksumMismatch(file: file.gzipName, expected: expected, actual: actual)
        }
        return bytes
    }
}
