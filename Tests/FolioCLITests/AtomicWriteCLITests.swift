import Foundation
import XCTest

/// `folio run` writes its report, record and models through the one atomic writer: links are
/// written through, devices and FIFOs refused and left alone, and a killed save leaves nothing.
final class AtomicWriteCLITests: XCTestCase {
    private let notebook = "```build\ndense 10 softmax input=784\n```\n"

    private func lstatType(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }

    func testASymlinkedReportIsWrittenThroughTheLink() throws {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write(notebook, to: "nb.md", in: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("site"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: folder.appendingPathComponent("site/real.html"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("report.html").path,
                                                   withDestinationPath: "site/real.html")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("run.json").path,
                                                   withDestinationPath: "site/absent.json")
        let outcome = try FolioProcess.run(["run", "nb.md", "-q", "-o", "report.html", "--json", "run.json"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(lstatType(folder.appendingPathComponent("report.html").path), S_IFLNK)
        XCTAssertEqual(lstatType(folder.appendingPathComponent("run.json").path), S_IFLNK)
        let html = try String(contentsOf: folder.appendingPathComponent("site/real.html"), encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"), String(html.prefix(40)))
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("site/absent.json"))))
    }

    func testDeviceFIFOAndFolderTargetsAreRefusedAndLeftAlone() throws {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write(notebook, to: "nb.md", in: folder)
        let fifo = folder.appendingPathComponent("pipe.html").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dir.html"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("null.html").path, withDestinationPath: "/dev/null")
        let cases: [([String], String)] = [
            (["-o", "pipe.html"], "named pipe"), (["-o", "dir.html"], "folder"), (["-o", "null.html"], "device"),
            (["--json", "/dev/null"], "device"),
        ]
        for (arguments, kind) in cases {
            let outcome = try FolioProcess.run(["run", "nb.md", "-q"] + arguments, in: folder, timeout: 60)
            XCTAssertEqual(outcome.status, 3, "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains("it is a \(kind)") || outcome.stderr.contains("it is an \(kind)")
                              || outcome.stderr.contains(kind), "\(arguments): \(outcome.stderr)")
            XCTAssertFalse(outcome.stderr.contains("Error Domain"), outcome.stderr)
        }
        XCTAssertEqual(lstatType(fifo), S_IFIFO)
        XCTAssertEqual(lstatType(folder.appendingPathComponent("dir.html").path), S_IFDIR)
        XCTAssertEqual(lstatType("/dev/null"), S_IFCHR, "/dev/null is still a device")
        XCTAssertEqual(lstatType(folder.appendingPathComponent("null.html").path), S_IFLNK)
    }

    func testAFailedRunWhoseReportCannotBeWrittenStillTellsTheFailure() throws {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write("this is not a picture", to: "bad.png", in: folder)
        _ = try FolioProcess.write(notebook + "```predict\nimage: bad.png\n```\n", to: "nb.md", in: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dir.html"), withIntermediateDirectories: true)
        let outcome = try FolioProcess.run(["run", "nb.md", "-q", "-o", "dir.html"], in: folder, timeout: 60)
        XCTAssertEqual(outcome.status, 3, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("cannot write the report"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("nb.md:5:8: error:"), "the run's own failure is told too: \(outcome.stderr)")
        XCTAssertFalse(outcome.stderr.contains("the report shows the error"), outcome.stderr)
    }

    /// Saves killed with SIGKILL at random moments, then one save that finishes: only the model.
    func testKilledSavesLeaveNoTemporaryFiles() throws {
        let folder = try FolioProcess.makeWorkspace()
        let saves = String(repeating: "```save\npath: models/big.safetensors\n```\n", count: 12)
        _ = try FolioProcess.write("```build\ndense 2048 relu input=784\ndense 10 softmax\n```\n" + saves, to: "nb.md", in: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("models"), withIntermediateDirectories: true)
        let models = folder.appendingPathComponent("models")
        let started = Date()
        var tries = 0
        var sawTemporary = false
        while tries < 40, Date().timeIntervalSince(started) < 45 {
            _ = try FolioProcess.run(["run", "nb.md", "-q"], in: folder, timeout: 20,
                                     signal: SIGKILL, signalAfter: Double.random(in: 0.05...0.9))
            tries += 1
            let names = try FileManager.default.contentsOfDirectory(atPath: models.path)
            sawTemporary = sawTemporary || names.contains { $0.hasSuffix(".tmp") }
        }
        XCTAssertGreaterThanOrEqual(tries, 10, "enough kills within the time bound")
        _ = try FolioProcess.write("```build\ndense 2048 relu input=784\ndense 10 softmax\n```\n```save\npath: models/big.safetensors\n```\n",
                                   to: "nb.md", in: folder)
        let outcome = try FolioProcess.run(["run", "nb.md", "-q"], in: folder, timeout: 60)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: models.path), ["big.safetensors"],
                       "after \(tries) kills (temporaries seen between kills: \(sawTemporary))")
    }
}
