@testable import Files
import Foundation
import XCTest

/// The one atomic writer: whole files, links written through, special files refused, no leftovers.
final class AtomicFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func entries(_ url: URL? = nil) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: (url ?? folder).path).sorted()
    }

    func testReplacesWholeFileCreatesFoldersAndLeavesNoTemporary() throws {
        let target = folder.appendingPathComponent("deep/er/report.html")
        try AtomicFile.write(Data("first".utf8), to: target, createFolder: true)
        try AtomicFile.write(Data("second".utf8), to: target, createFolder: true)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "second")
        XCTAssertEqual(try entries(target.deletingLastPathComponent()), ["report.html"])
    }

    func testMissingFolderIsNamedWithoutCreateFolder() throws {
        let target = folder.appendingPathComponent("missing/model.safetensors")
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: target)) { error in
            XCTAssertEqual(error as? FileWriteError, .folderMissing(path: target.path, folder: folder.appendingPathComponent("missing").path))
            XCTAssertTrue("\(error)".contains("does not exist"), "\(error)")
        }
    }

    func testNewFileGets0644AndAReplacedFileKeepsItsPermissions() throws {
        let fresh = folder.appendingPathComponent("fresh.txt")
        try AtomicFile.write(Data("a".utf8), to: fresh)
        XCTAssertEqual(try permissions(fresh), 0o644)
        let kept = folder.appendingPathComponent("kept.txt")
        try Data("old".utf8).write(to: kept)
        XCTAssertEqual(chmod(kept.path, 0o600), 0)
        try AtomicFile.write(Data("new".utf8), to: kept)
        XCTAssertEqual(try permissions(kept), 0o600)
        XCTAssertEqual(try String(contentsOf: kept, encoding: .utf8), "new")
    }

    func testSymlinkIsWrittenThroughAndStaysALink() throws {
        let real = folder.appendingPathComponent("real.html")
        try Data("old".utf8).write(to: real)
        let link = folder.appendingPathComponent("link.html")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.html")
        try AtomicFile.write(Data("new".utf8), to: link)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), "real.html")
        XCTAssertEqual(try String(contentsOf: real, encoding: .utf8), "new")
        XCTAssertEqual(try entries(), ["link.html", "real.html"])
    }

    func testDanglingLinkCreatesItsTargetAndChainsAreFollowed() throws {
        let sub = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("b").path, withDestinationPath: "sub/target")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("a").path, withDestinationPath: folder.appendingPathComponent("b").path)
        try AtomicFile.write(Data("made".utf8), to: folder.appendingPathComponent("a"))
        XCTAssertEqual(try String(contentsOf: sub.appendingPathComponent("target"), encoding: .utf8), "made")
        XCTAssertEqual(try entries(), ["a", "b", "sub"])
    }

    func testLinkLoopIsRefused() throws {
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("x").path, withDestinationPath: "y")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("y").path, withDestinationPath: "x")
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: folder.appendingPathComponent("x"))) { error in
            XCTAssertTrue("\(error)".contains("symbolic links"), "\(error)")
        }
    }

    func testFolderFIFOAndDeviceTargetsAreRefusedAndLeftAlone() throws {
        let fifo = folder.appendingPathComponent("pipe")
        XCTAssertEqual(mkfifo(fifo.path, 0o644), 0)
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: fifo)) { error in
            XCTAssertEqual(error as? FileWriteError, .notARegularFile(path: fifo.path, kind: "a named pipe (FIFO)"))
        }
        XCTAssertEqual(try fileType(fifo), S_IFIFO)

        let sub = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: sub)) { error in
            XCTAssertTrue("\(error)".contains("it is a folder, not a regular file"), "\(error)")
        }

        // Through a link too, and the device itself as root (where a rename could replace it).
        let link = folder.appendingPathComponent("null-link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/null")
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: link)) { error in
            XCTAssertTrue("\(error)".contains("it is a device"), "\(error)")
        }
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: URL(fileURLWithPath: "/dev/null")))
        XCTAssertEqual(try fileType(URL(fileURLWithPath: "/dev/null")), S_IFCHR)
        XCTAssertEqual(try entries(), ["null-link", "pipe", "sub"])
    }

    func testAbandonedTemporariesOfDeadProcessesAreRemovedOnTheNextWrite() throws {
        let dead = deadProcessID()
        let stale = ".model.safetensors.\(dead).12345.tmp"
        let alive = ".model.safetensors.\(getppid()).777.tmp"
        let other = ".other.bin.\(dead).1.tmp"
        for name in [stale, alive, other] { try Data("junk".utf8).write(to: folder.appendingPathComponent(name)) }
        try AtomicFile.write(Data("model".utf8), to: folder.appendingPathComponent("model.safetensors"))
        XCTAssertEqual(try entries(), [alive, other, "model.safetensors"].sorted())
    }

    func testTheNamedFallbackAlsoReplacesAndLeavesNothing() throws {
        let target = folder.appendingPathComponent("model.safetensors")
        try AtomicFile.write(Data("one".utf8), to: target, createFolder: false, unnamed: false)
        XCTAssertEqual(chmod(target.path, 0o640), 0)
        try AtomicFile.write(Data("two".utf8), to: target, createFolder: false, unnamed: false)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "two")
        XCTAssertEqual(try permissions(target), 0o640)
        XCTAssertEqual(try entries(), ["model.safetensors"])
    }

    func testErrnoMapping() {
        XCTAssertEqual(FileWriteError(errno: ENOSPC, path: "/r.html", operation: "writing").description,
                       "cannot write /r.html: the disk is full")
        XCTAssertEqual(FileWriteError(errno: EDQUOT, path: "/r.html", operation: "writing"), .diskFull(path: "/r.html"))
        XCTAssertEqual(FileWriteError(errno: EROFS, path: "/r.html", operation: "writing").reason, "the file system is read-only")
        XCTAssertEqual(FileWriteError(errno: EACCES, path: "/r.html", operation: "writing").reason, "permission denied")
        XCTAssertEqual(FileWriteError(errno: EPERM, path: "/r.html", operation: "writing").reason, "permission denied")
        let other = FileWriteError(errno: EIO, path: "/r.html", operation: "writing")
        XCTAssertEqual(other.reason, "writing failed (\(String(cString: strerror(EIO))))")
        XCTAssertFalse(other.description.contains("Error Domain"))
    }

    /// A real full disk where the test may mount a 64 KB tmpfs (root); skipped elsewhere.
    func testAFullDiskSaysSoAndLeavesNothing() throws {
        let small = folder.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        try XCTSkipUnless(geteuid() == 0 && tool("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", small.path]),
                          "mounting a small tmpfs needs root")
        defer { _ = tool("/bin/umount", [small.path]) }
        let target = small.appendingPathComponent("model.safetensors")
        XCTAssertThrowsError(try AtomicFile.write(Data(count: 1 << 20), to: target)) { error in
            XCTAssertEqual(error as? FileWriteError, .diskFull(path: target.path))
            XCTAssertEqual("\(error)", "cannot write \(target.path): the disk is full")
        }
        XCTAssertEqual(try entries(small), [])
    }

    func testUnwritableFolderIsPermissionDeniedForNonRoot() throws {
        try XCTSkipIf(geteuid() == 0, "root writes anywhere")
        XCTAssertEqual(chmod(folder.path, 0o500), 0)
        defer { chmod(folder.path, 0o700) }
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: folder.appendingPathComponent("r.html"))) { error in
            XCTAssertEqual((error as? FileWriteError)?.reason, "permission denied")
        }
    }

    private func permissions(_ url: URL) throws -> mode_t {
        var info = stat()
        XCTAssertEqual(stat(url.path, &info), 0)
        return info.st_mode & 0o7777
    }

    private func fileType(_ url: URL) throws -> mode_t {
        var info = stat()
        XCTAssertEqual(lstat(url.path, &info), 0)
        return info.st_mode & S_IFMT
    }

    /// Runs a system tool for at most 10 s; whether it succeeded.
    private func tool(_ path: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationReason == .exit && process.terminationStatus == 0
    }

    /// A process id that belonged to a process that has exited.
    private func deadProcessID() -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try? process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
