import ArgumentParser
import Foundation
import Runner

/// `folio clean`: remove the cell cache (`output/.folio-cache` under the current folder).
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove the cell cache (output/.folio-cache) that `folio run --cache` keeps.",
        discussion: "Reports and run records are left alone; only the cache folder is removed, and what it held is printed.")

    func run() throws {
        let root = CellCache.defaultRoot(in: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
        let shown = "output/" + CellCache.folderName
        do {
            if let removed = try CellCache.remove(at: root) {
                let megabytes = String(format: "%.1f MB", Double(removed.bytes) / 1_048_576)
                Terminal.output("Removed \(shown): \(removed.files) file\(removed.files == 1 ? "" : "s"), \(megabytes).")
            } else {
                Terminal.output("There is no cache to remove (\(shown) does not exist).")
            }
        } catch {
            Terminal.error("error: \(error)")
            throw FolioExit.invalidInput
        }
    }
}
