import XCTest

/// Control characters from a notebook, a path or an option value reach the terminal escaped
/// (`\u{1B}`), never raw: a file name cannot retitle the window or clear the screen.
final class TerminalSafetyTests: XCTestCase {
    private static let hostile = "nb\u{1B}]0;owned\u{07}\u{9B}2J.md"

    private func assertSafe(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let controls = text.unicodeScalars.filter { scalar in
            (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
        }
        XCTAssertTrue(controls.isEmpty, "raw control characters in: \(text.debugDescription)", file: file, line: line)
    }

    func testAPathInADiagnosticIsEscaped() throws {
        let folder = try FolioProcess.makeWorkspace()
        let outcome = try FolioProcess.run(["check", Self.hostile], in: folder, timeout: 30)
        XCTAssertEqual(outcome.status, 2)
        assertSafe(outcome.stderr)
        assertSafe(outcome.stdout)
        XCTAssertTrue(outcome.stderr.contains("nb\\u{1B}]0;owned\\u{7}\\u{9B}2J.md"), outcome.stderr)
    }

    func testAnOptionValueInAUsageErrorIsEscaped() throws {
        let folder = try FolioProcess.makeWorkspace()
        let outcome = try FolioProcess.run(["run", "x.md", "-o", "report\u{1B}[2J.pdf"], in: folder, timeout: 30)
        XCTAssertEqual(outcome.status, 2)
        assertSafe(outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("report\\u{1B}[2J.pdf"), outcome.stderr)
    }

    func testTheOkLineOfCheckIsEscaped() throws {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write("# Title\n\nSome prose.\n", to: Self.hostile, in: folder)
        let outcome = try FolioProcess.run(["check", Self.hostile], in: folder, timeout: 30)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        assertSafe(outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("\\u{1B}]0;owned"), outcome.stdout)
    }
}
