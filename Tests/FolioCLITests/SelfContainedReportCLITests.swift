import Foundation
import XCTest

/// End-to-end: `folio run` writes a report that fetches nothing and names no path of the machine;
/// a prose image the report cannot embed stops `folio check` and `folio run` at the image.
final class SelfContainedReportCLITests: XCTestCase {
    private let notebook = """
    # Self-contained

    ![a seven](images/seven.png), a [remote one](https://example.org/x.png) and ![remote](https://example.org/x.png).

    ```load
    dataset: mnist
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
    """

    private func workspace() throws -> URL {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write(notebook, to: "nb/lesson.md", in: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nb/images"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: FolioProcess.repository.appendingPathComponent("notebooks/images/seven.png"),
                                         to: folder.appendingPathComponent("nb/images/seven.png"))
        return folder
    }

    func testAReportNamesNoPathOfTheMachine() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        // An absolute notebook path, as a script would pass it.
        let outcome = try FolioProcess.run(["run", folder.appendingPathComponent("nb/lesson.md").path, "-o", "report.html"],
                                           in: folder, environment: ["HOME": folder.appendingPathComponent("home").path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<img src=\"data:image/png;base64,"))
        XCTAssertTrue(html.contains("(remote image, not embedded: https://example.org/x.png)"))
        XCTAssertFalse(html.contains("src=\"http"))
        XCTAssertTrue(html.contains("<code>model: models/tiny.safetensors</code>"), "backtick spans in output text are code")
        let forbidden = [FolioProcess.repository.path, folder.path, folder.appendingPathComponent("data").path,
                         FileManager.default.temporaryDirectory.path, ProcessInfo.processInfo.environment["HOME"] ?? ""]
        for path in forbidden where !path.isEmpty && path != "/" {
            XCTAssertFalse(html.contains(path), "the report shows \(path)")
        }
    }

    func testAMissingProseImageStopsTheRunAtTheImage() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try FolioProcess.write("# Missing\n\nSee ![gone](images/gone.png).\n\n```load\ndataset: mnist\n```\n", to: "nb/gone.md", in: folder)
        for command in ["check", "run"] {
            let outcome = try FolioProcess.run([command, "nb/gone.md"], in: folder)
            XCTAssertEqual(outcome.status, 2, outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("nb/gone.md:3:5: error: cannot embed the image images/gone.png in the report: it does not exist"),
                          outcome.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/gone.html").path))
    }
}
