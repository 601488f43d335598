import Files
import Foundation
import Limits

/// Downloads the standard files a cache folder lacks, all or nothing.
///
/// Each file is fetched as `mirror + NAME.gz` and its decompressed payload checked against its
/// SHA-256. Only when every missing file has arrived intact are they written, each through
/// `AtomicFile` (the one writer: a symbolic link is written through, a special file refused, a
/// killed process leaves no temporary); a failed write removes the files this download wrote, so
/// the cache never holds a half-written or unverified file under a real name.
struct DatasetDownloader {
    var mirror: String
    var checksums: [DatasetFileName: String]
    /// Known decompressed sizes; a file's download is bounded by its size (see `limits(for:)`).
    var sizes: [DatasetFileName: Int] = [:]
    var idleTimeout: TimeInterval
    /// Longest time one file's download may take in all, in seconds.
    var totalTimeout: TimeInterval = 3600
    /// A dataset file of unknown size larger than this is refused (the largest real one,
    /// the training images, is 47 MB decompressed).
    var maxFileBytes = 200_000_000
    /// Asked for, the current transfer is abandoned (nothing is renamed into place) and `download`
    /// throws `Cancelled`.
    var cancellation: Cancellation? = nil

    /// The bounds for `file`: its decompressed payload may not pass its known size, and the bytes
    /// sent for it (gzip, which can only grow incompressible data by a few bytes per 16 KiB) not
    /// that size plus 1% and 64 KiB.
    func limits(for file: DatasetFileName) -> (payload: Int, transfer: Int) {
        guard let size = sizes[file] else { return (maxFileBytes, maxFileBytes) }
        return (size, size + size / 100 + 65_536)
    }

    func download(into directory: URL, progress: ((DownloadProgress) -> Void)?) throws {
        let missing = DatasetFileName.missing(in: directory)
        guard !missing.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw DatasetError.cacheNotWritable(path: directory.path, reason: String(describing: error))
        }
        var arrived: [(name: String, bytes: [UInt8])] = []
        for file in missing {
            let bytes = try fetchVerified(file, progress: progress)
            arrived.append((bytes.starts(with: [0x1f, 0x8b]) ? file.gzipName : file.rawValue, bytes))
        }
        var written: [URL] = []
        do {
            for file in arrived {
                let final = directory.appendingPathComponent(file.name)
                try AtomicFile.write(Data(file.bytes), to: final)
                written.append(final)
            }
        } catch {
            for url in written { try? FileManager.default.removeItem(at: url) }
            let path = (error as? FileWriteError)?.path ?? directory.path
            let reason = (error as? FileWriteError)?.reason ?? String(describing: error)
            throw DatasetError.cacheNotWritable(path: path, reason: reason)
        }
    }

    /// The bytes served for `file`, after checking the checksum of their decompressed payload.
    private func fetchVerified(_ file: DatasetFileName, progress: ((DownloadProgress) -> Void)?) throws -> [UInt8] {
        let address = mirror + file.gzipName
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host != nil else {
            throw DatasetError.invalidMirror(mirror)
        }
        let bounds = limits(for: file)
        let fetcher = HTTPFetcher(deadline: totalTimeout, idleTimeout: idleTimeout,
                                  maxBytes: bounds.transfer, maxTransferBytes: bounds.transfer,
                                  cancellation: cancellation)
        progress?(DownloadProgress(file: file.gzipName, receivedBytes: 0, totalBytes: nil))
        let bytes = try fetcher.fetch(url) { received, total in
            progress?(DownloadProgress(file: file.gzipName, receivedBytes: received, totalBytes: total))
        }
        let payload: [UInt8]
        do {
            payload = bytes.starts(with: [0x1f, 0x8b]) ? try Gzip.decompress(bytes, limit: bounds.payload, source: address) : bytes
            guard payload.count <= bounds.payload else { throw DatasetError.gzipTooLarge(source: address, limit: bounds.payload) }
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
