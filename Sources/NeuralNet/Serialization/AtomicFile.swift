import Foundation

/// Writes a file so that readers see either the old file or the complete new one, never a part:
/// the bytes go to a hidden temporary file beside the target, which is then renamed over it.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw NeuralNetError.cannotSaveModel(path: url.path, reason: "writing \(temporary.lastPathComponent) failed (\(error.localizedDescription))")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw NeuralNetError.cannotSaveModel(path: url.path, reason: "renaming the temporary file into place failed (\(reason))")
        }
    }
}
