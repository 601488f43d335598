import Foundation
import XCTest
import Notebook
@testable import Runner

/// `folio check`'s analysis: each cell that would fail is found before anything runs, at the line and
/// column at fault, without reading images, fetching data or training.
final class NotebookAnalyzerTests: XCTestCase {
    private func problems(_ text: String, file: String = "lesson.md") throws -> [Diagnostic] {
        let path = RunnerTests.fixtures.deletingLastPathComponent().appendingPathComponent(file).path
        return NotebookAnalyzer().analyze(try NotebookParser.parse(source: text, path: path))
    }

    /// `LINE:COLUMN: MESSAGE` for each problem, so expectations read like the terminal.
    private func lines(_ text: String) throws -> [String] {
        try problems(text).map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    private let mnistFlat = "```load\ndataset: mnist\n```\n```preprocess\nflatten: true\nscale: 255\n```\n"

    func testTheWalkthroughsAndTheArchitectureExamplePass() throws {
        let root = RunnerTests.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for path in ["notebooks/mnist.md", "notebooks/mnist-cnn.md", "notebooks/compare.md"] {
            let document = try NotebookParser.parse(fileAt: root.appendingPathComponent(path).path)
            XCTAssertEqual(NotebookAnalyzer().analyze(document).map(\.description), [], path)
        }
        // The design's example names images/seven.png, which the walkthroughs' folder holds.
        let example = try String(contentsOf: root.appendingPathComponent("Tests/Fixtures/architecture-example.md"), encoding: .utf8)
        let document = try NotebookParser.parse(source: example, path: root.appendingPathComponent("notebooks/example.md").path)
        XCTAssertEqual(NotebookAnalyzer().analyze(document).map(\.description), [])
    }

    func testCategoricalCrossentropyOnIntegerLabelsPointsAtTheLoss() throws {
        let text = mnistFlat + "```build\ndense 10 softmax\n```\n```fit\nepochs: 1\nloss: categorical_crossentropy\n```\n"
        let found = try problems(text)
        XCTAssertEqual(found.map(\.location.line), [13])
        XCTAssertEqual(found.first?.location.column, 7)
        XCTAssertEqual(found.first?.message, "categorical_crossentropy needs one-hot labels, but the labels are integers")
        XCTAssertEqual(found.first?.hint, "add `one_hot: 10` to a preprocess cell before this one, or use `loss: sparse_categorical_crossentropy`")
    }

    func testSparseCrossentropyOnOneHotRowsPointsAtTheLoss() throws {
        let text = "```load\ndataset: fashion-mnist\n```\n```preprocess\nflatten: true\none_hot: 10\n```\n"
            + "```build\ndense 10 softmax\n```\n```fit\nloss: sparse_categorical_crossentropy\n```\n"
        XCTAssertEqual(try lines(text), ["12:7: sparse_categorical_crossentropy does not fit the labels: it takes integer labels but the targets are one-hot rows"])
    }

    func testConvolutionOnFlatRowsPointsAtTheLayer() throws {
        let inferred = mnistFlat + "```build\nconv2d 8 3 relu\nflatten\ndense 10 softmax\n```\n"
        let found = try problems(inferred)
        XCTAssertEqual(found.map { "\($0.location.line):\($0.location.column)" }, ["9:1"])
        XCTAssertTrue(found[0].message.contains("conv2d needs height×width×channels samples"), found[0].message)
        let declared = mnistFlat + "```build\nconv2d 8 3 relu input=28x28x1\nflatten\ndense 10 softmax\n```\n"
            + "```fit\nloss: sparse_categorical_crossentropy\n```\n"
        XCTAssertEqual(try lines(declared), ["9:1: the model takes samples of 28×28×1, but fit (line 13) would give it 784"])
        XCTAssertEqual(try problems(declared).first?.hint, "add `reshape: 28x28x1` to the preprocess cell")
    }

    func testDenseOnImagesPointsAtTheLayer() throws {
        let text = "```load\ndataset: mnist\n```\n```build\ndense 10 relu\ndense 10 softmax\n```\n"
        let found = try problems(text)
        XCTAssertEqual(found.map(\.location.line), [5])
        XCTAssertTrue(found[0].message.hasPrefix("dense needs flat samples"), found[0].message)
        let later = "```load\ndataset: mnist\n```\n```build\nflatten input=28x28\ndense 10 relu\nconv2d 4 3\n```\n"
        XCTAssertEqual(try problems(later).map(\.location.line), [7], "an engine shape error lands on its own layer line")
    }

    func testFitAndEvaluateBeforeAnyModel() throws {
        let text = "```load\ndataset: mnist\n```\n```fit\nloss: categorical_crossentropy\n```\n```evaluate\n```\n```summary\n```\n"
        XCTAssertEqual(try lines(text), [
            "4:1: fit needs a model, but no earlier cell built or loaded one",
            "7:1: evaluate needs a model, but no earlier cell built or loaded one",
            "9:1: summary needs a model, but no earlier cell built or loaded one",
        ])
    }

    func testPlotsNeedAFitAnEvaluateOrData() throws {
        let text = "```build\ndense 10 softmax input=784\n```\n```plot\nsamples, confusion_matrix\nloss\n```\n"
        XCTAssertEqual(try lines(text), [
            "5:1: plot samples needs data, but no earlier cell loaded any",
            "5:10: plot confusion_matrix needs an evaluation, but no earlier cell ran evaluate on this model since it was last trained",
            "6:1: plot loss needs a training history, but no earlier cell ran fit on this model",
        ])
    }

    func testAConfusionMatrixNeedsOneOutputPerClass() throws {
        let text = mnistFlat + "```build\ndense 32 relu\ndropout 0.25\n```\n```fit\nloss: sparse_categorical_crossentropy\n```\n"
            + "```evaluate\n```\n```plot\nloss, confusion_matrix\n```\n"
        XCTAssertEqual(try lines(text), [], "32 outputs for 10 classes: Keras' rules allow it, and the matrix fits")
        XCTAssertEqual(try lines(text.replacingOccurrences(of: "dense 32 relu", with: "dense 128 relu")),
                       ["18:7: plot confusion_matrix draws at most 100 classes, but the model has 128 outputs"])
    }

    func testOutputLayerThatDoesNotFitTheLabelsPointsAtTheLastLayer() throws {
        let one = mnistFlat + "```build\ndense 32 relu\ndense 1 sigmoid\n```\n```fit\nloss: sparse_categorical_crossentropy\n```\n"
        XCTAssertEqual(try lines(one), ["10:1: the last layer has 1 unit, but the labels go up to 9 (10 classes)"])
        let wide = mnistFlat.replacingOccurrences(of: "scale: 255", with: "one_hot: 10")
            + "```build\ndense 12 softmax\n```\n```fit\nloss: categorical_crossentropy\n```\n"
        XCTAssertEqual(try lines(wide), ["9:1: the last layer has 12 units, but the labels are one-hot rows of width 10"])
    }

    func testIntegerLabelsForACategoricalLossAndANarrowOutputAreBothReported() throws {
        let text = mnistFlat + "```build\ndense 32 relu\ndense 1 softmax\n```\n```fit\nloss: categorical_crossentropy\n```\n"
        XCTAssertEqual(try lines(text), [
            "10:1: the last layer has 1 unit, but the labels have 10 classes",
            "13:7: categorical_crossentropy needs one-hot labels, but the labels are integers",
        ])
    }

    func testEvaluateNeedsALossUnlessItNamesOne() throws {
        let model = mnistFlat + "```build\ndense 10 softmax\n```\n"
        XCTAssertEqual(try lines(model + "```evaluate\n```\n"),
                       ["11:1: evaluate needs a loss, but no earlier fit chose one and the model was not loaded from a file"])
        XCTAssertEqual(try lines(model + "```evaluate\nloss: sparse_categorical_crossentropy\n```\n"), [],
                       "an untrained model may be scored with a loss of its own")
        XCTAssertEqual(try lines(model + "```evaluate\nloss: categorical_crossentropy\n```\n"),
                       ["12:7: categorical_crossentropy needs one-hot labels, but the labels are integers"])
    }

    func testMissingFilesAreFoundWhereTheyAreNamed() throws {
        let text = "```load\nmodel: gone.safetensors\npath: no-such-folder\n```\n```predict\nimage: missing.png\n```\n"
            + "```predict\nimage: https://example.org/seven.png\n```\n"
        XCTAssertEqual(try lines(text), [
            "2:8: cannot read the model file 'gone.safetensors': it does not exist",
            "3:7: cannot read the dataset folder 'no-such-folder': it does not exist",
            "6:8: cannot read the image 'missing.png': it does not exist",
        ])
    }

    func testAModelFileAnEarlierSaveWritesCountsAsPresent() throws {
        let text = mnistFlat + "```build\ndense 10 softmax\n```\n```save\npath: not-yet-written.safetensors\n```\n"
            + "```load\nmodel: not-yet-written.safetensors\n```\n```evaluate\nloss: sparse_categorical_crossentropy\n```\n"
            + "```predict\nimage: mnist-small\n```\n"
        XCTAssertEqual(try lines(text), ["21:8: the folder 'mnist-small' holds no PNG, JPEG, BMP or GIF image"])
    }

    func testFolderDataIsKnownByItsHeaders() throws {
        let text = "```load\npath: mnist-small\n```\n```preprocess\nreshape: 28x29\none_hot: 5\n```\n"
        XCTAssertEqual(try lines(text), [
            "5:10: reshape: 28×29 does not fit the data's 28×28 images (784 values each)",
            "6:10: one_hot: 5 is too small: the data has label 9",
        ])
    }

    func testValidationSplitMustLeaveRowsOnBothSides() throws {
        let text = "```load\npath: mnist-small\n```\n```build\nflatten\ndense 10 softmax\n```\n"
            + "```fit\nloss: sparse_categorical_crossentropy\nvalidation_split: 0.9999\n```\n"
        let found = try problems(text)
        XCTAssertEqual(found.map { "\($0.location.line):\($0.location.column)" }, ["10:19"])
        XCTAssertTrue(found.first?.message.contains("leaves no training rows") == true, "\(found)")
    }

    func testAFailedCellDoesNotMakeLaterCellsComplain() throws {
        let text = "```load\npath: nowhere\n```\n```preprocess\nflatten: true\n```\n```build\ndense 10 softmax\n```\n"
            + "```fit\nloss: sparse_categorical_crossentropy\n```\n```plot\nloss\n```\n"
        XCTAssertEqual(try problems(text).map(\.location.line), [2], "only the folder is at fault")
    }

    func testSaveNeedsAPlaceItCanWrite() throws {
        let model = "```build\ndense 10 softmax input=784\n```\n"
        XCTAssertEqual(try lines(model + "```save\npath: mnist-small\n```\n"),
                       ["5:7: cannot save the model to 'mnist-small': it is a folder"])
        XCTAssertEqual(try lines(model + "```save\npath: architecture-example.md/deeper/model.safetensors\n```\n"),
                       ["5:7: cannot save the model to 'architecture-example.md/deeper/model.safetensors': 'architecture-example.md' is a file, not a folder"])
        XCTAssertEqual(try lines(model + "```save\npath: new-folder/model.safetensors\n```\n"), [], "missing folders are made")
    }

    func testSpecialFilesAndEmptyDatasetsAreRefusedWithoutHanging() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"] {
            try FileManager.default.copyItem(at: RunnerTests.fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("train-labels-idx1-ubyte").path, 0o644), 0)
        let fifo = try lines("```load\npath: \(folder.path)\n```\n```predict\nimage: /dev/zero\n```\n")
        XCTAssertEqual(fifo.count, 3, "\(fifo)")
        XCTAssertTrue(fifo[0].hasPrefix("2:7: the dataset folder") && fifo[0].contains("not a regular file"), fifo[0])
        XCTAssertEqual(fifo[2], "5:8: cannot read the image '/dev/zero': it is not a regular file")

        // Zero images of 28×28 and zero labels, in each of the four files.
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("folio-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        for (name, header) in [("train-images-idx3-ubyte", [0, 0, 8, 3, 0, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 28]),
                               ("t10k-images-idx3-ubyte", [0, 0, 8, 3, 0, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 28]),
                               ("train-labels-idx1-ubyte", [0, 0, 8, 1, 0, 0, 0, 0]),
                               ("t10k-labels-idx1-ubyte", [0, 0, 8, 1, 0, 0, 0, 0])] as [(String, [UInt8])] {
            try Data(header).write(to: empty.appendingPathComponent(name))
        }
        let text = "```load\npath: \(empty.path)\n```\n```build\nflatten\ndense 10 softmax\n```\n"
            + "```fit\nloss: sparse_categorical_crossentropy\n```\n```evaluate\n```\n"
        XCTAssertEqual(try lines(text), ["8:1: fit needs training samples, but the dataset has none",
                                         "11:1: evaluate needs test samples, but the dataset has none"])
    }
}
