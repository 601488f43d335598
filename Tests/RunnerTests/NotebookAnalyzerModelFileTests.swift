import Foundation
import XCTest
import NeuralNet
import Notebook
@testable import Runner

/// `folio check` knows a model file by its header: its shapes, the loss it was saved with and how its
/// training data was prepared — and reports what a run would meet with it.
final class NotebookAnalyzerModelFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A dense 784 → 10 softmax model file, trained on flattened, scaled, one-hot MNIST-like data.
    private func saveModel(_ name: String, preparation: DataPreparation? = DataPreparation(flatten: true, scale: 255, oneHotWidth: 10),
                           loss: Loss? = .categoricalCrossentropy) throws {
        let model = try Sequential(inputShape: [784], layers: [.dense(units: 10, activation: .softmax)], seed: 1)
        try model.save(to: folder.appendingPathComponent(name), loss: loss, preparation: preparation)
    }

    private func lines(_ text: String) throws -> [String] {
        let document = try NotebookParser.parse(source: text, path: folder.appendingPathComponent("nb.md").path)
        return NotebookAnalyzer().analyze(document).map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    func testALoadedModelBringsItsPreparationAndLoss() throws {
        try saveModel("m.safetensors")
        let text = "```load\nmodel: m.safetensors\ndataset: mnist\n```\n```evaluate\n```\n```fit\nloss: categorical_crossentropy\n```\n"
        XCTAssertEqual(try lines(text), [], "no preprocess needed: the file says how the data was presented")
    }

    func testAPreprocessThatDisagreesWithTheLoadedModelIsAnErrorAtItsOption() throws {
        try saveModel("m.safetensors")
        let text = "```load\ndataset: mnist\nmodel: m.safetensors\n```\n```preprocess\nscale: 1\n```\n"
        XCTAssertEqual(try lines(text), ["6:8: the model was trained on pixels divided by 255; write `scale: 255`"])
        let before = "```load\ndataset: mnist\n```\n```preprocess\none_hot: 10\nreshape: 28x28x1\n```\n```load\nmodel: m.safetensors\n```\n"
        XCTAssertEqual(try lines(before), ["6:10: the loaded model was trained on flattened samples of 784 values; write `flatten: true`"])
    }

    func testAVersionOneStyleFileWithoutPreparationNeedsTheNotebooksOwn() throws {
        try saveModel("bare.safetensors", preparation: nil, loss: nil)
        let text = "```load\nmodel: bare.safetensors\ndataset: mnist\n```\n```evaluate\n```\n"
        XCTAssertEqual(try lines(text), [
            "2:8: the model takes samples of 784, but evaluate (line 5) would give it 28×28",
            "5:1: evaluate needs a loss, but no earlier fit chose one and the model was not loaded from a file",
        ])
    }

    func testLabelsAreCheckedAgainstALoadedModelsOutput() throws {
        try saveModel("m.safetensors")
        let text = "```load\nmodel: m.safetensors\npath: \(RunnerTests.fixtures.path)\n```\n```fit\nloss: sparse_categorical_crossentropy\n```\n"
        XCTAssertEqual(try lines(text), [
            "6:7: sparse_categorical_crossentropy does not fit the labels: it takes integer labels but the targets are one-hot rows",
        ])
    }

    func testBrokenAndHostileModelFilesAreRefusedAtTheirName() throws {
        try Data("not a model".utf8).write(to: folder.appendingPathComponent("junk.safetensors"))
        let found = try lines("```load\nmodel: junk.safetensors\n```\n")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix("2:8: the model file 'junk.safetensors' cannot be used: "), found[0])

        // An architecture claiming a million dense units on 1,000 inputs, with no tensors at all.
        let architecture = #"{"input_shape":[1000],"layers":[{"kind":"dense","units":1000000}]}"#
        let header = ##"{"__metadata__":{"format":"folio","folio_version":"1","architecture":""##
            + architecture.replacingOccurrences(of: "\"", with: "\\\"") + ##""}}"##
        var bytes = withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { Data($0) }
        bytes.append(Data(header.utf8))
        try bytes.write(to: folder.appendingPathComponent("huge.safetensors"))
        let started = Date()
        let hostile = try lines("```load\nmodel: huge.safetensors\n```\n```summary\n```\n")
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "read from the header alone, nothing allocated")
        XCTAssertEqual(hostile.count, 1, "\(hostile)")
        XCTAssertTrue(hostile.first?.contains("layers.0.kernel is missing") == true, "\(hostile)")
    }
}
