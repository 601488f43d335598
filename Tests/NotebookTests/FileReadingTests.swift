import XCTest
@testable import Notebook

/// `parse(fileAt:)`: files that cannot be read, bytes that are not text.
final class FileReadingTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-notebook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    private func write(_ bytes: [UInt8], as name: String = "nb.md") throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func fileDiagnostics(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            _ = try NotebookParser.parse(fileAt: path)
            XCTFail("expected diagnostics", file: file, line: line)
        } catch let list as DiagnosticList {
            return list.diagnostics
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
        return []
    }

    func testMissingFileAndFolder() {
        let missing = folder.appendingPathComponent("nope.md").path
        let found = fileDiagnostics(missing)
        XCTAssertEqual(found.map(\.location), [SourceLocation(file: missing, line: 1, column: 1)])
        XCTAssertEqual(found.first?.message, "no such notebook file")
        let folderFound = fileDiagnostics(folder.path)
        XCTAssertEqual(folderFound.map(\.location), [SourceLocation(file: folder.path, line: 1, column: 1)])
        XCTAssertTrue(folderFound.first?.message.contains("folder") == true)
    }

    func testDevicesAndFIFOsAreRefusedWithoutBlocking() throws {
        XCTAssertEqual(fileDiagnostics("/dev/zero").first?.message, "this is not a regular file")
        let fifo = folder.appendingPathComponent("pipe.md").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(fileDiagnostics(fifo).first?.message, "this is not a regular file")
    }

    func testEmptyFileIsAnEmptyNotebook() throws {
        let document = try NotebookParser.parse(fileAt: try write([]))
        XCTAssertEqual(document.blocks.count, 0)
        XCTAssertNil(document.title)
    }

    func testInvalidUTF8IsReportedAtTheBadByte() throws {
        let path = try write(Array("# Title\nok ".utf8) + [0xC3, 0x28] + Array(" more\n".utf8))
        let found = fileDiagnostics(path)
        XCTAssertEqual(found.map(\.location), [SourceLocation(file: path, line: 2, column: 4)])
        XCTAssertTrue(found.first?.message.contains("not UTF-8") == true)
        XCTAssertEqual(found.first?.hint, "save the notebook as UTF-8")
        let latin1 = try write([0x63, 0x61, 0x66, 0xE9], as: "latin1.md")
        XCTAssertEqual(fileDiagnostics(latin1).map(\.location), [SourceLocation(file: latin1, line: 1, column: 4)])
    }

    func testByteOrderMarkIsIgnored() throws {
        let path = try write([0xEF, 0xBB, 0xBF] + Array("---\ntitle: T\n---\n```evaluate\n```\n".utf8))
        let document = try NotebookParser.parse(fileAt: path)
        XCTAssertEqual(document.title, "T")
        XCTAssertEqual(document.cells.first?.location, SourceLocation(file: path, line: 4, column: 1))
    }

    func testNULBytesAreDiagnosedOncePerLine() {
        let found = diagnostics("ok\nab\u{0}c\u{0}\n```evaluate\n\u{0}\n```\n")
        XCTAssertEqual(found.map(\.location), [at(2, 3), at(4, 1), at(4, 1)])
        XCTAssertEqual(found.first?.message, "the notebook contains a NUL byte")
    }
}
