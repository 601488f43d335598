import Foundation
import XCTest
import Notebook
import Runner
@testable import Report

/// A report never shows where the run happened: not the repository, not the notebook's folder, not
/// `$FOLIO_DATA` nor `$HOME` — outputs and errors use the paths as the notebook writes them.
final class NoMachinePathsTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private var folder: URL!
    private var environment: [String: String] = [:]

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-paths-\(UUID().uuidString)")
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: data.appendingPathComponent("mnist"),
                                                   withDestinationURL: Self.repository.appendingPathComponent("Tests/Fixtures/mnist-small"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nb/images"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("notebooks/images/seven.png"),
                                         to: folder.appendingPathComponent("nb/images/seven.png"))
        environment = ["FOLIO_DATA": data.path, "HOME": folder.path, "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
                       "FOLIO_DATASET_MIRROR": "http://127.0.0.1:9/"]
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `text` as nb/NAME.md (without the check, so run-time errors reach the report) and renders it.
    private func report(_ text: String, name: String = "lesson") throws -> (html: String, record: RunRecord) {
        let path = folder.appendingPathComponent("nb/\(name).md").path
        let document = try NotebookParser.parse(source: text, path: path)
        let record = NotebookRunner(environment: environment).run(document)
        let html = try ReportRenderer(version: "test").render(record, generated: Date(timeIntervalSince1970: 0))
        return (html, record)
    }

    private func assertNoMachinePaths(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        let forbidden = [Self.repository.path, folder.path, FileManager.default.temporaryDirectory.path, environment["FOLIO_DATA"] ?? "",
                         environment["HOME"] ?? "", ProcessInfo.processInfo.environment["HOME"] ?? "/nonexistent-home"]
        for path in forbidden where !path.isEmpty && path != "/" {
            XCTAssertFalse(html.contains(path), "the report shows \(path)", file: file, line: line)
        }
    }

    func testASuccessfulRunShowsPathsAsWritten() throws {
        let (html, record) = try report("""
        # Paths

        ![seven](images/seven.png)

        ```load
        dataset: mnist
        ```
        ```load
        path: ../data/mnist
        ```
        ```preprocess
        flatten: true
        scale: 255
        one_hot: 10
        ```
        ```build
        dense 10 softmax input=784
        ```
        ```fit
        loss: categorical_crossentropy
        epochs: 1
        ```
        ```save
        path: models/tiny.safetensors
        ```
        ```load
        model: models/tiny.safetensors
        ```
        ```predict
        image: images/seven.png
        invert: true
        ```
        """)
        XCTAssertNil(record.error, record.error?.description ?? "")
        XCTAssertTrue(html.contains("Loaded the dataset <code>mnist</code>."), html)
        XCTAssertTrue(html.contains("Loaded the dataset <code>../data/mnist</code>."))
        XCTAssertTrue(html.contains(" to models/tiny.safetensors ("))
        XCTAssertTrue(html.contains("with <code>load</code> and <code>model: models/tiny.safetensors</code>."))
        XCTAssertTrue(html.contains(") from models/tiny.safetensors; <code>summary</code> shows its layers."))
        XCTAssertTrue(html.contains("data:image/png;base64,"))
        assertNoMachinePaths(html)
    }

    func testErrorsShowPathsAsWritten() throws {
        let cases: [(notebook: String, message: String)] = [
            ("```load\npath: missing-folder\n```\n", "no such folder: missing-folder"),
            ("```load\npath: images/seven.png\n```\n", "images/seven.png is a file, not a folder"),
            ("```load\npath: images\n```\n", "The folder images lacks"),
            ("```load\npath: ../data\n```\n", "The folder ../data lacks"),
            ("```load\nmodel: nope.safetensors\n```\n", "nope.safetensors"),
            ("```load\ndataset: mnist\n```\n```preprocess\nflatten: true\nscale: 255\none_hot: 10\n```\n"
                + "```build\ndense 10 softmax input=784\n```\n```predict\nimage: images/missing.png\n```\n", "images/missing.png"),
        ]
        for (index, example) in cases.enumerated() {
            let (html, record) = try report(example.notebook, name: "error-\(index)")
            let error = try XCTUnwrap(record.error, example.notebook)
            XCTAssertTrue(error.message.contains(example.message), "\(example.message) — \(error.message)")
            XCTAssertTrue(html.contains(example.message), example.message)
            assertNoMachinePaths(html)
        }
    }
}
