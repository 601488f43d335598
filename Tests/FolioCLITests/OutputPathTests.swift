import Foundation
import XCTest

/// Where `folio run` writes: report paths that mirror the notebooks' paths, `-o` checked before
/// anything runs, standard output, and no default path that replaces another notebook's report.
final class OutputPathTests: XCTestCase {
    private let notebook = "```build\ndense 10 softmax input=784\n```\n"

    private func exists(_ path: String, in folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    func testReportPathsMirrorTheNotebooksPaths() throws {
        let folder = try FolioProcess.makeWorkspace()
        for path in ["alice/hw1.md", "bob/hw1.md", "notebooks/intro.md", "notebooks/week2/cnn.md"] {
            _ = try FolioProcess.write(notebook, to: path, in: folder)
            let outcome = try FolioProcess.run(["run", path, "-q"], in: folder)
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
        }
        for report in ["output/alice/hw1.html", "output/bob/hw1.html", "output/intro.html", "output/week2/cnn.html"] {
            XCTAssertTrue(exists(report, in: folder), report)
        }
    }

    func testADefaultPathNeverReplacesAnotherNotebooksReport() throws {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write(notebook, to: "notebooks/x.md", in: folder)
        _ = try FolioProcess.write(notebook + "```summary\n```\n", to: "x.md", in: folder)
        XCTAssertEqual(try FolioProcess.run(["run", "notebooks/x.md", "-q"], in: folder).status, 0)
        let first = try String(contentsOf: folder.appendingPathComponent("output/x.html"), encoding: .utf8)
        let clash = try FolioProcess.run(["run", "x.md", "-q"], in: folder)
        XCTAssertEqual(clash.status, 2)
        XCTAssertTrue(clash.stderr.contains("output/x.html is the report of another notebook"), clash.stderr)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("output/x.html"), encoding: .utf8), first)
        XCTAssertEqual(try FolioProcess.run(["run", "notebooks/x.md", "-q"], in: folder).status, 0, "its own report is replaced")
        XCTAssertEqual(try FolioProcess.run(["run", "x.md", "-q", "-o", "output/x.html"], in: folder).status, 0, "-o decides")

        _ = try FolioProcess.write("my notes", to: "output/notes.html", in: folder)
        _ = try FolioProcess.write(notebook, to: "notes.md", in: folder)
        let foreign = try FolioProcess.run(["run", "notes.md", "-q"], in: folder)
        XCTAssertEqual(foreign.status, 2)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("output/notes.html"), encoding: .utf8), "my notes")
    }

    func testOutputMustBeHTMLOrStandardOutputAndIsCheckedBeforeRunning() throws {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write(notebook + "```save\npath: model.safetensors\n```\n", to: "nb.md", in: folder)
        for arguments in [["-o", "x.pdf"], ["-o", "report"], ["-o", "-", "--json", "-"]] {
            let outcome = try FolioProcess.run(["run", "nb.md", "-q"] + arguments, in: folder)
            XCTAssertEqual(outcome.status, 2, "\(arguments): \(outcome.stderr)")
            XCTAssertFalse(exists("model.safetensors", in: folder), "\(arguments): nothing ran")
        }
        XCTAssertFalse(exists("x.pdf", in: folder))
        XCTAssertFalse(exists("-", in: folder))

        let html = try FolioProcess.run(["run", "nb.md", "-q", "-o", "-"], in: folder)
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertTrue(html.stdout.hasPrefix("<!DOCTYPE html>"), String(html.stdout.prefix(80)))
        XCTAssertTrue(html.stderr.contains("Report: standard output"), html.stderr)
        XCTAssertFalse(exists("-", in: folder))
        let json = try FolioProcess.run(["run", "nb.md", "-q", "--json", "-"], in: folder)
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertTrue(json.stderr.contains("Report: output/nb.html"), json.stderr)
    }
}
