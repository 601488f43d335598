import Foundation
import XCTest
@testable import Report

/// A report records which notebook it was made from, without revealing the notebook's path.
final class ReportSourceTests: XCTestCase {
    func testTheIdentifierDependsOnTheAbsolutePathOnly() {
        let here = URL(fileURLWithPath: "/work/class", isDirectory: true)
        let alice = ReportSource.identifier(ofNotebookAt: "alice/hw1.md", currentDirectory: here)
        XCTAssertEqual(alice, ReportSource.identifier(ofNotebookAt: "/work/class/alice/../alice/hw1.md", currentDirectory: here))
        XCTAssertNotEqual(alice, ReportSource.identifier(ofNotebookAt: "bob/hw1.md", currentDirectory: here))
        XCTAssertEqual(alice.count, 16)
        XCTAssertFalse(alice.contains("work"))
    }

    func testTheRecordIsInsertedWhateverTheTemplateAndReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-source-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(String, ReportSource.Origin)] = [
            (ReportSource.inserting("00ab", into: "<html><HEAD><title>t</title></HEAD></html>"), .notebook("00ab")),
            (ReportSource.inserting("00cd", into: "<p>a template without a head</p>"), .notebook("00cd")),
            ("<head><meta name=\"generator\" content=\"Folio 0.1.0\"></head>", .unknownNotebook),
            ("my own page", .notAReport),
        ]
        for (index, (html, origin)) in cases.enumerated() {
            let file = folder.appendingPathComponent("\(index).html")
            try Data(html.utf8).write(to: file)
            XCTAssertEqual(ReportSource.origin(ofFileAt: file), origin, html)
        }
        XCTAssertEqual(ReportSource.origin(ofFileAt: folder.appendingPathComponent("absent.html")), .notAReport)
    }
}
