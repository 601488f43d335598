import Foundation
import Notebook
import Runner
import XCTest

/// What `folio preview` watches: every file a notebook reads, resolved as a run resolves it.
final class WatchedFilesTests: XCTestCase {
    private let folder = URL(fileURLWithPath: "/lessons/week1", isDirectory: true)

    private func watched(_ text: String) throws -> [String] {
        let document = try NotebookParser.parse(source: text, path: "/lessons/week1/nb.md")
        return document.watchedFiles(notebookDirectory: folder)
            .map { $0.url.path + ($0.includesFolderEntries ? "/*" : "") }
    }

    func testDataFoldersModelFilesImagesLabelsAndProseImagesAreWatched() throws {
        let text = """
        ![a diagram](figures/net.png) and [a link](other.md) and ![remote](https://example.com/x.png)

        ```load
        path: ../data/digits
        model: models/mlp.safetensors
        ```

        ```predict
        image: drawn/*.png
        labels: drawn/labels.csv
        ```

        ```predict
        image: /tmp/seven.png
        ```

        ```predict
        image: https://example.com/eight.png
        ```

        """
        XCTAssertEqual(try watched(text), [
            "/lessons/data/digits/*",
            "/lessons/week1/models/mlp.safetensors",
            "/lessons/week1/drawn/*",
            "/lessons/week1/drawn/labels.csv",
            "/tmp/seven.png",
            "/lessons/week1/figures/net.png",
        ])
    }

    func testBuiltInDatasetsAreNotFilesOfTheNotebook() throws {
        XCTAssertEqual(try watched("```load\ndataset: mnist\n```\n"), [])
    }

    func testAFileNamedTwiceIsWatchedOnce() throws {
        let text = "```predict\nimage: seven.png\n```\n\n```predict\nimage: ./seven.png\n```\n"
        XCTAssertEqual(try watched(text), ["/lessons/week1/seven.png"])
    }
}
