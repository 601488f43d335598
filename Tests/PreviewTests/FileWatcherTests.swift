import Foundation
import Runner
import Synchronization
import XCTest
@testable import Preview

/// The watcher sees what editors do: write a new file and rename it over the old one; files added
/// to a watched folder; and it calls once per settled change.
final class FileWatcherTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `text` to a temporary file beside `url` and renames it over `url`, as editors save.
    private func save(_ text: String, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).swp")
        try text.write(to: temporary, atomically: false, encoding: .utf8)
        XCTAssertEqual(rename(temporary.path, url.path), 0)
    }

    private func watching(_ files: [WatchedFile], _ change: () throws -> Void) throws -> Int {
        let calls = Atomic<Int>(0)
        let watcher = FileWatcher(files: files, interval: .milliseconds(50), settle: .milliseconds(50)) {
            calls.add(1, ordering: .relaxed)
        }
        watcher.start()
        defer { watcher.stop() }
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertEqual(calls.load(ordering: .relaxed), 0, "nothing changed yet")
        try change()
        let deadline = Date().addingTimeInterval(2)
        while calls.load(ordering: .relaxed) == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        Thread.sleep(forTimeInterval: 0.3)
        return calls.load(ordering: .relaxed)
    }

    func testASaveByRenameIsOneChange() throws {
        let notebook = folder.appendingPathComponent("nb.md")
        try "# One\n".write(to: notebook, atomically: false, encoding: .utf8)
        // Same size, same second: only the inode tells the files apart.
        XCTAssertEqual(try watching([WatchedFile(url: notebook)]) { try save("# Two\n", to: notebook) }, 1)
    }

    func testAnImageAddedToAWatchedFolderIsAChange() throws {
        let images = folder.appendingPathComponent("images")
        XCTAssertEqual(try watching([WatchedFile(url: images, includesFolderEntries: true)]) {
            try Data([1, 2, 3]).write(to: images.appendingPathComponent("seven.png"))
        }, 1)
    }

    func testAFileThatAppearsIsAChange() throws {
        let model = folder.appendingPathComponent("model.safetensors")
        XCTAssertEqual(try watching([WatchedFile(url: model)]) { try Data([1]).write(to: model) }, 1)
    }

    func testStampsOfUnwatchedFilesAreNoChange() {
        let before = FileStamps(stamps: ["/a": .init(exists: true, size: 1)])
        let after = FileStamps(stamps: ["/a": .init(exists: true, size: 1), "/b": .init(exists: false)])
        XCTAssertFalse(after.differ(from: before))
        XCTAssertTrue(FileStamps(stamps: ["/a": .init(exists: true, size: 2)]).differ(from: before))
    }
}
