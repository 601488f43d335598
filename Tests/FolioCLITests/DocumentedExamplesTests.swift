import Foundation
import XCTest

/// Every notebook example in README.md and docs/notebook-format.md (the ````markdown blocks) runs as
/// written from a fresh clone: in document order, in one folder beside a copy of the walkthroughs'
/// `images/`, on the committed small MNIST.
final class DocumentedExamplesTests: XCTestCase {
    private static let images = FolioProcess.repository.appendingPathComponent("notebooks/images")

    /// The bodies of the ````markdown blocks of `file` (relative to the repository), in order.
    private func examples(in file: String) throws -> [String] {
        let text = try String(contentsOf: FolioProcess.repository.appendingPathComponent(file), encoding: .utf8)
        return text.components(separatedBy: "````markdown\n").dropFirst()
            .compactMap { $0.components(separatedBy: "\n````").first }.map { $0 + "\n" }
    }

    private func runAll(in file: String, atLeast count: Int) throws {
        let examples = try examples(in: file)
        XCTAssertGreaterThanOrEqual(examples.count, count, file)
        let folder = try FolioProcess.makeWorkspace()
        try FileManager.default.copyItem(at: Self.images, to: folder.appendingPathComponent("images"))
        for (index, example) in examples.enumerated() {
            let name = "example-\(index + 1).md"
            _ = try FolioProcess.write(example, to: name, in: folder)
            let outcome = try FolioProcess.run(["run", name, "-q"], in: folder)
            XCTAssertEqual(outcome.status, 0, "\(file), example \(index + 1):\n\(example)\n\(outcome.stderr)")
        }
    }

    func testTheREADMEsExamplesRunAsWritten() throws {
        try runAll(in: "README.md", atLeast: 1)
    }

    func testTheFormatReferencesExamplesRunAsWritten() throws {
        try runAll(in: "docs/notebook-format.md", atLeast: 15)
    }

    /// The README's example is notebooks/digits.md, and its sample run shows that notebook's cells.
    func testTheREADMEsSampleRunIsItsExamplesRun() throws {
        let readme = try String(contentsOf: FolioProcess.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let notebook = try String(contentsOf: FolioProcess.repository.appendingPathComponent("notebooks/digits.md"), encoding: .utf8)
        XCTAssertEqual(try examples(in: "README.md").first, notebook)
        let sample = try XCTUnwrap(readme.components(separatedBy: "$ folio run notebooks/digits.md\n").dropFirst().first?
            .components(separatedBy: "```").first)
        let folder = try FolioProcess.makeWorkspace()
        try FileManager.default.copyItem(at: Self.images, to: folder.appendingPathComponent("notebooks/images"))
        _ = try FolioProcess.write(notebook, to: "notebooks/digits.md", in: folder)
        let outcome = try FolioProcess.run(["run", "notebooks/digits.md"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let cellLines = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("[") } }
        XCTAssertEqual(cellLines(outcome.stderr), cellLines(sample))
        XCTAssertTrue(sample.contains("Report: output/digits.html"))
        XCTAssertTrue(outcome.stdout.hasPrefix("Report: output/digits.html"), outcome.stdout)
    }
}
