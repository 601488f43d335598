import Foundation
import XCTest
import Notebook
@testable import Runner

/// Issue 3 paths through the runner: a small CNN on the fixtures, summary, save and load.
final class ConvolutionalRunTests: XCTestCase {
    private func run(_ text: String, in folder: URL) throws -> RunRecord {
        let document = try NotebookParser.parse(source: text, path: folder.appendingPathComponent("cnn.md").path)
        return NotebookRunner(environment: [:]).run(document)
    }

    private func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cnn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("mnist-small"),
                                                   withDestinationURL: RunnerTests.fixtures)
        return folder
    }

    func testSmallCNNTrainsWithSparseLabelsThenSavesAndReloads() throws {
        let folder = try scratchFolder()
        let training = try run("""
        ```load
        path: mnist-small
        ```
        ```preprocess
        reshape: 28x28x1
        scale: 255
        ```
        ```build
        conv2d 4 3 relu
        maxpool 2
        batchnorm
        flatten
        dropout 0.25
        dense 10 softmax init=he_normal
        ```
        ```summary
        ```
        ```fit
        loss: sparse_categorical_crossentropy
        optimizer: adamw
        epochs: 2
        batch_size: 64
        ```
        ```evaluate
        ```
        ```save
        path: models/small.safetensors
        ```

        """, in: folder)
        XCTAssertFalse(training.failed, "\(String(describing: training.error))")
        guard case .table(let summary) = training.results[3].outputs.first else { return XCTFail("summary shows a table") }
        XCTAssertEqual(summary.rows.map { $0[0] }, ["conv2d (Conv2D)", "max_pooling2d (MaxPooling2D)",
                                                    "batch_normalization (BatchNormalization)", "flatten (Flatten)",
                                                    "dropout (Dropout)", "dense (Dense)"])
        XCTAssertEqual(summary.rows[0][1], "(None, 26, 26, 4)")
        XCTAssertEqual(summary.footerRows[2][2].prefix(2), "8 ", "batchnorm's moving mean and variance are not trainable")
        let accuracy = try XCTUnwrap(training.evaluation?.accuracy)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("models/small.safetensors").path))

        let reloaded = try run("""
        ```load
        path: mnist-small
        model: models/small.safetensors
        ```
        ```preprocess
        reshape: 28x28x1
        scale: 255
        ```
        ```evaluate
        ```

        """, in: folder)
        XCTAssertFalse(reloaded.failed, "\(String(describing: reloaded.error))")
        XCTAssertEqual(try XCTUnwrap(reloaded.evaluation?.accuracy), accuracy, accuracy: 1e-9,
                       "a reloaded model gives the same test accuracy")
    }

    func testConv2dOnUnshapedDataAsksForReshape() throws {
        let folder = try scratchFolder()
        let record = try run("```load\npath: mnist-small\n```\n```build\nconv2d 4 3 relu\nflatten\ndense 10 softmax\n```\n",
                             in: folder)
        let error = try XCTUnwrap(record.error)
        XCTAssertEqual(error.location.line, 5)
        XCTAssertEqual(error.hint, "add `reshape: 28x28x1` to a preprocess cell before this one")
    }

    func testReshapeThatDoesNotFitIsReportedAtTheValue() throws {
        let folder = try scratchFolder()
        let record = try run("```load\npath: mnist-small\n```\n```preprocess\nreshape: 27x28x1\n```\n", in: folder)
        let error = try XCTUnwrap(record.error)
        XCTAssertEqual(error.location.line, 5)
        XCTAssertEqual(error.location.column, 10)
        XCTAssertTrue(error.message.contains("784"), error.message)
    }

    func testLoadingACorruptModelFileIsAClearError() throws {
        let folder = try scratchFolder()
        try Data("not a model".utf8).write(to: folder.appendingPathComponent("bad.safetensors"))
        let record = try run("```load\nmodel: bad.safetensors\n```\n", in: folder)
        let error = try XCTUnwrap(record.error)
        XCTAssertEqual(error.location.line, 2)
        XCTAssertEqual(error.location.column, 8)
        XCTAssertTrue(error.message.contains("bad.safetensors"), error.message)
    }

    func testSummaryWithoutAModelSaysToBuildOne() throws {
        let record = try run("```summary\n```\n", in: try scratchFolder())
        XCTAssertTrue(try XCTUnwrap(record.error).message.contains("needs a model"))
    }
}
