import Foundation
import XCTest
import Notebook
@testable import Runner

/// Prose images are checked before anything runs: each one the report cannot embed is an error at
/// the image's `!`; remote images are fine (the report links them).
final class ProseImageCheckTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-images-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
        try write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], padTo: 16, as: "images/ok.png")
        try write([0xFF, 0xD8, 0xFF, 0xE0], padTo: 16, as: "images/ok.jpg")
        try write(Array("GIF89a".utf8), padTo: 16, as: "images/ok.gif")
        try write(Array("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8), padTo: 0, as: "images/drawing.svg")
        try write(Array("hello".utf8), padTo: 0, as: "images/notes.png")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ head: [UInt8], padTo size: Int, as name: String) throws {
        try Data(head + [UInt8](repeating: 0, count: max(0, size - head.count))).write(to: folder.appendingPathComponent(name))
    }

    /// `LINE:COLUMN: MESSAGE` for each problem.
    private func lines(_ text: String) throws -> [String] {
        let document = try NotebookParser.parse(source: text, path: folder.appendingPathComponent("lesson.md").path)
        return NotebookAnalyzer().analyze(document).map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    func testEmbeddableAndRemoteImagesPass() throws {
        XCTAssertEqual(try lines("""
        # Images

        ![a](images/ok.png) ![b](images/ok.jpg) ![c](images/ok%2Egif) ![d](\(folder.path)/images/ok.png)
        ![remote](https://example.org/x.png) `![not an image](missing.png)`

            ![indented code](missing.png)
        """), [])
    }

    func testMissingSVGAndNonImagesAreErrorsAtTheImage() throws {
        XCTAssertEqual(try lines("""
        # Images

        Text first, then ![gone](images/gone.png).

        > - quoted ![drawing](images/drawing.svg)

        | a | b |
        |---|---|
        | ![notes](images/notes.png) | ![folder](images) |

        ![file](file:///etc/passwd)
        """), [
            "3:18: cannot embed the image images/gone.png in the report: it does not exist",
            "5:12: the image images/drawing.svg is an SVG file, which Folio does not embed: SVG can carry scripts",
            "9:3: the image images/notes.png is not a PNG, JPEG, GIF or WebP file",
            "9:32: cannot embed the image images in the report: it is a folder, not a file",
            "11:1: the image file:///etc/passwd is a file: URL, which names a file of whatever machine opens the report",
        ])
    }

    func testAnImageOverTheCapIsAnError() throws {
        try write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], padTo: EmbeddedImage.maximumBytes + 1, as: "images/big.png")
        XCTAssertEqual(try lines("# Big\n\nIntro.\n\nSee ![big](images/big.png).\n"),
                       ["5:5: the image images/big.png is 5.00 MB, over the 5 MB an embedded image may have"])
    }

    func testTheReportCapCountsEveryImage() throws {
        try write([0xFF, 0xD8, 0xFF, 0xE0], padTo: 4 * 1_048_576, as: "images/four.jpg")
        let six = String(repeating: "![four](images/four.jpg)\n", count: 6)
        let problems = try lines("# Many\n\n" + six)
        // Five make exactly 20 MB, which fits; the sixth does not.
        XCTAssertEqual(problems, ["8:1: with the image images/four.jpg the report would embed 24.00 MB of images, over the 20 MB a report may hold"])
    }

    func testTheImageMessagesCarryAHint() throws {
        let document = try NotebookParser.parse(source: "![x](images/drawing.svg)\n", path: folder.appendingPathComponent("lesson.md").path)
        let problem = try XCTUnwrap(NotebookAnalyzer().analyze(document).first)
        XCTAssertEqual(problem.location, SourceLocation(file: folder.appendingPathComponent("lesson.md").path, line: 1, column: 1))
        XCTAssertTrue(problem.hint?.contains("convert it to PNG") == true, problem.description)
    }
}
