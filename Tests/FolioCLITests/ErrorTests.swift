import Foundation
import XCTest

/// Every class of bad input ends with a located diagnostic and the documented exit status —
/// never a crash, a hang or a half-written report.
final class ErrorTests: XCTestCase {
    private func run(_ notebook: String, json: Bool = false) throws -> (FolioProcess.Outcome, URL) {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write(notebook, to: "nb.md", in: folder)
        var arguments = ["run", "nb.md", "-q"]
        if json { arguments += ["--json", "run.json"] }
        return (try FolioProcess.run(arguments, in: folder), folder)
    }

    private func reportExists(in folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/nb.html").path)
    }

    // MARK: - Invalid text: exit 2, nothing run, no report

    func testUnknownDirectiveIsReportedWithLocation() throws {
        let (outcome, folder) = try run("# T\n\n```fitt\nepochs: 1\n```\n")
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("nb.md:3:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("error:"), outcome.stderr)
        XCTAssertFalse(reportExists(in: folder))
    }

    func testUnknownOptionAndBadValueAreAllReported() throws {
        let text = "```load\ndataset: mnist\n```\n```fit\nloss: categorical_crossentropy\nepoch: 3\nbatch_size: lots\n```\n"
        let (outcome, folder) = try run(text)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("nb.md:6:1: error:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("nb.md:7:13: error:"), outcome.stderr)
        XCTAssertFalse(reportExists(in: folder))
    }

    func testMissingRequiredOptionAndLoadWithBothSources() throws {
        let text = "```load\ndataset: mnist\npath: data\n```\n\n```fit\nepochs: 2\n```\n"
        let (outcome, _) = try run(text)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("nb.md:3:1: error:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("nb.md:6:1: error:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("loss"), outcome.stderr)
    }

    func testMissingNotebookFile() throws {
        let folder = try FolioProcess.makeWorkspace()
        let outcome = try FolioProcess.run(["run", "absent.md"], in: folder)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("absent.md:1:1: error:"), outcome.stderr)
    }

    // MARK: - Cells that would fail, found by the check before anything runs: exit 2, no report

    func testMissingDataFolderIsFoundBeforeRunning() throws {
        let (outcome, folder) = try run("# T\n```load\npath: no/such/folder\n```\n```evaluate\n```\n", json: true)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("nb.md:3:7: error: cannot read the dataset folder 'no/such/folder'"), outcome.stderr)
        XCTAssertFalse(reportExists(in: folder))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("run.json").path))
    }

    func testCellThatNeedsAModelNoEarlierCellMade() throws {
        let (outcome, folder) = try run("```load\ndataset: mnist\n```\n```evaluate\n```\n")
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("nb.md:4:1: error: evaluate needs a model"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("build"), outcome.stderr)
        XCTAssertFalse(reportExists(in: folder))
    }

    func testShapeMismatchBetweenDataAndModel() throws {
        let text = """
        ```load
        dataset: mnist
        ```
        ```preprocess
        scale: 255
        one_hot: 10
        ```
        ```build
        dense 10 softmax input=784
        ```
        ```fit
        loss: categorical_crossentropy
        ```

        """
        let (outcome, _) = try run(text)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("nb.md:9:1: error: the model takes samples of 784, but fit (line 11) would give it 28×28"),
                      outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("flatten"), outcome.stderr)
    }

    func testDivergingTrainingIsReportedWithEpochAndBatch() throws {
        let text = """
        ```load
        dataset: mnist
        ```
        ```preprocess
        flatten: true
        one_hot: 10
        ```
        ```build
        dense 64 relu
        dense 10 softmax
        ```
        ```fit
        loss: categorical_crossentropy
        optimizer: sgd
        learning_rate: 1000000
        momentum: 0.9
        epochs: 3
        ```

        """
        let (outcome, folder) = try run(text)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("nb.md:12:1: error:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.lowercased().contains("epoch"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.lowercased().contains("batch"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("learning_rate"), outcome.stderr)
        XCTAssertTrue(reportExists(in: folder))
    }

    func testModelTooLargeIsRefusedBeforeAllocating() throws {
        let text = "```build\ndense 1000000 relu input=100000000\ndense 10 softmax\n```\n"
        let (outcome, _) = try run(text)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("nb.md:2:1: error:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("memory"), outcome.stderr)
    }

    // MARK: - Failures while running: exit 1, report written with the error, later cells not run

    func testCorruptImageStopsTheRunAtTheImageOptionButWritesTheReport() throws {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write("this is not a picture", to: "bad.png", in: folder)
        let text = "```build\ndense 10 softmax input=784\n```\n```predict\nimage: bad.png\n```\n```summary\n```\n"
        _ = try FolioProcess.write(text, to: "nb.md", in: folder)
        let outcome = try FolioProcess.run(["run", "nb.md", "-q", "--json", "run.json"], in: folder)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("nb.md:5:8: error:"), outcome.stderr)
        XCTAssertTrue(reportExists(in: folder))
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("run.json"))) as? [String: Any]
        let statuses = (record?["cells"] as? [[String: Any]])?.map { $0["status"] as? String }
        XCTAssertEqual(statuses, ["ok", "error", "not_run"])
    }

    func testAFailureInTheFourthOfEightCellsShowsOneErrorInThatCellOnly() throws {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write("this is not a picture", to: "bad.png", in: folder)
        let text = """
        ```load
        dataset: mnist
        ```
        ```preprocess
        flatten: true
        scale: 255
        ```
        ```build
        dense 10 softmax
        ```
        ```predict
        image: bad.png
        ```
        ```summary
        ```
        ```evaluate
        loss: sparse_categorical_crossentropy
        ```
        ```plot
        samples
        ```
        ```save
        path: model.safetensors
        ```

        """
        _ = try FolioProcess.write(text, to: "nb.md", in: folder)
        let outcome = try FolioProcess.run(["run", "nb.md", "-q"], in: folder)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        let html = try String(contentsOf: folder.appendingPathComponent("output/nb.html"), encoding: .utf8)
        let sections = html.components(separatedBy: "<section class=\"cell ").dropFirst()
        XCTAssertEqual(sections.count, 8)
        for (index, section) in sections.enumerated() {
            let errors = section.components(separatedBy: "class=\"cell-error\"").count - 1
            XCTAssertEqual(errors, index == 3 ? 1 : 0, "cell \(index + 1) shows only its own error")
            let status = index < 3 ? "status-ok" : index == 3 ? "status-error" : "status-not-run"
            XCTAssertTrue(section.hasPrefix(status), "cell \(index + 1): \(section.prefix(40))")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("model.safetensors").path))
    }

    func testAReportThatCannotBeWrittenExitsThreeAfterTheCellsRan() throws {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write("```build\ndense 10 softmax input=784\n```\n```save\npath: model.safetensors\n```\n",
                                   to: "nb.md", in: folder)
        let outcome = try FolioProcess.run(["run", "nb.md", "-q", "-o", "nb.md/report.html"], in: folder)
        XCTAssertEqual(outcome.status, 3, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("cannot write the report"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("a part of its folder path is a file, not a folder"), outcome.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("model.safetensors").path), "the cells ran")
    }

    func testCorruptIDXFileIsReported() throws {
        let folder = try FolioProcess.makeWorkspace()
        let data = folder.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for name in ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"] {
            try Data([0, 0, 8, 3, 0, 0, 0, 9]).write(to: data.appendingPathComponent(name))
        }
        _ = try FolioProcess.write("```load\npath: broken\n```\n", to: "nb.md", in: folder)
        let outcome = try FolioProcess.run(["run", "nb.md", "-q"], in: folder)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("nb.md:2:7: error: the dataset folder 'broken' cannot be used"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("IDX"), outcome.stderr)
    }

    func testOfflineDatasetWithNothingCachedSaysWhereToPutFiles() throws {
        let folder = try FolioProcess.makeWorkspace()
        _ = try FolioProcess.write("```load\ndataset: fashion-mnist\n```\n", to: "nb.md", in: folder)
        let outcome = try FolioProcess.run(["run", "nb.md", "-q"], in: folder,
                                           environment: ["FOLIO_DATA": folder.appendingPathComponent("none").path])
        // Debian's dataset-fashion-mnist package may be installed on this machine; then the run succeeds.
        if FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist") {
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
        } else {
            XCTAssertEqual(outcome.status, 1)
            XCTAssertTrue(outcome.stderr.contains("nb.md:2:10: error:"), outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("train-images-idx3-ubyte"), outcome.stderr)
        }
    }
}
