import Foundation
import XCTest

/// What `folio` prints for a notebook that is invalid as text, compared with Golden/*.stderr
/// (rewrite with `FOLIO_UPDATE_GOLDEN=1`), and notes that do not stop a run.
final class GoldenDiagnosticsTests: XCTestCase {
    private static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    private func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["FOLIO_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(actual, expected, "differs from Golden/\(name); rerun with FOLIO_UPDATE_GOLDEN=1 if intended", file: file, line: line)
    }

    func testInvalidNotebookPrintsLocatedDiagnosticsExitsTwoAndWritesNoReport() throws {
        let folder = try FolioProcess.makeWorkspace()
        let notebook = try String(contentsOf: Self.golden.appendingPathComponent("invalid-notebook.md"), encoding: .utf8)
        _ = try FolioProcess.write(notebook, to: "nb.md", in: folder)
        let outcome = try FolioProcess.run(["run", "nb.md", "--json", "run.json"], in: folder)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertEqual(outcome.stdout, "")
        try assertGolden(outcome.stderr, "invalid-notebook.stderr")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output").path), "no report folder")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("run.json").path))
        let check = try FolioProcess.run(["check", "nb.md"], in: folder)
        XCTAssertEqual(check.status, 2)
        XCTAssertEqual(check.stderr, outcome.stderr, "check and run report the same problems")
    }

    func testNotesArePrintedAndDoNotChangeTheExitStatus() throws {
        let folder = try FolioProcess.makeWorkspace()
        let text = "---\ntitle: Q\nformat: html\njupyter: python3\n---\n```build\n#| warning: false\ndense 10 softmax input=784\n```\n"
        _ = try FolioProcess.write(text, to: "nb.md", in: folder)
        let outcome = try FolioProcess.run(["check", "nb.md"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stderr, """
        nb.md:3:1: note: front matter key 'format' is not used by Folio
        nb.md:4:1: note: front matter key 'jupyter' is not used by Folio
        nb.md:7:4: note: cell option 'warning' is not used by Folio

        """)
        let run = try FolioProcess.run(["run", "nb.md", "-q"], in: folder)
        XCTAssertEqual(run.status, 0, "notes do not stop a run")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/nb.html").path))
        XCTAssertTrue(run.stderr.hasPrefix("nb.md:3:1: note: front matter key 'format' is not used by Folio\n"), run.stderr)
    }
}
