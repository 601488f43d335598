import XCTest
@testable import Notebook

/// The design's example notebook (docs/notebook-format.md) parses to exactly the expected document, field by field.
final class ExampleNotebookTests: XCTestCase {
    private var document: Document?

    override func setUpWithError() throws {
        document = try NotebookParser.parse(source: ExampleNotebook.text, path: ExampleNotebook.path)
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: ExampleNotebook.path, line: line, column: column)
    }

    private func cell(_ index: Int) throws -> Cell {
        let cells = try XCTUnwrap(document).cells
        return try XCTUnwrap(cells.indices.contains(index - 1) ? cells[index - 1] : nil)
    }

    func testFrontMatterAndShape() throws {
        let document = try XCTUnwrap(document)
        XCTAssertEqual(document.path, "notebooks/digits.md")
        XCTAssertEqual(document.title, "Handwritten digits with a tiny MLP")
        XCTAssertEqual(document.seed, 42)
        XCTAssertTrue(document.seedIsExplicit)
        XCTAssertEqual(document.blocks.count, 8)
        XCTAssertEqual(document.blocks.first?.prose, Prose(markdown: "# Load the data\n", startLine: 5))
        XCTAssertEqual(document.cells.map(\.name), ["load", "preprocess", "build", "fit", "evaluate", "plot", "predict"])
        XCTAssertEqual(document.cells.map(\.index), Array(1...7))
        XCTAssertEqual(document.cells.map(\.location.line), [6, 9, 14, 20, 27, 29, 32])
        XCTAssertEqual(document.cells.map(\.location.column), Array(repeating: 1, count: 7))
        XCTAssertEqual(document.cells.map(\.location.file), Array(repeating: ExampleNotebook.path, count: 7))
    }

    func testLoad() throws {
        let cell = try cell(1)
        XCTAssertEqual(cell.source, "dataset: mnist\n")
        let load = try XCTUnwrap(cell.directive.load)
        XCTAssertEqual(load.data?.dataset, Located(.mnist, at: location(7, 10)))
        XCTAssertNil(load.model)
    }

    func testPreprocess() throws {
        let cell = try cell(2)
        XCTAssertEqual(cell.source, "flatten: true\nscale: 255\none_hot: 10\n")
        XCTAssertEqual(cell.directive.preprocess,
                       PreprocessDirective(flatten: true, scale: 255, oneHot: Located(10, at: location(12, 10)), reshape: nil))
    }

    func testBuild() throws {
        let cell = try cell(3)
        XCTAssertEqual(cell.source, "dense 10 relu input=784\ndense 10 relu\ndense 10 relu\ndense 10 softmax\n")
        let layers = try XCTUnwrap(cell.directive.build).layers
        XCTAssertEqual(layers, [
            Located(LayerLine(kind: .dense(units: 10, activation: .relu), inputShape: [784], initializer: nil), at: location(15, 1)),
            Located(LayerLine(kind: .dense(units: 10, activation: .relu), inputShape: nil, initializer: nil), at: location(16, 1)),
            Located(LayerLine(kind: .dense(units: 10, activation: .relu), inputShape: nil, initializer: nil), at: location(17, 1)),
            Located(LayerLine(kind: .dense(units: 10, activation: .softmax), inputShape: nil, initializer: nil), at: location(18, 1)),
        ])
    }

    func testFit() throws {
        let cell = try cell(4)
        XCTAssertEqual(cell.source,
                       "optimizer: adam\nloss: categorical_crossentropy\nepochs: 10\nbatch_size: 200\nvalidation_split: 0.1\n")
        XCTAssertEqual(cell.directive.fit,
                       FitDirective(loss: .categoricalCrossentropy, optimizer: .adam, learningRate: nil, momentum: 0,
                                    nesterov: false, weightDecay: nil, epochs: 10, batchSize: 200, validationSplit: 0.1, shuffle: true))
    }

    func testEvaluate() throws {
        let cell = try cell(5)
        XCTAssertEqual(cell.source, "")
        XCTAssertEqual(cell.directive.evaluate, EvaluateDirective())
    }

    func testPlot() throws {
        let cell = try cell(6)
        XCTAssertEqual(cell.source, "loss, accuracy\n")
        XCTAssertEqual(cell.directive.plot?.charts, [Located(.loss, at: location(30, 1)), Located(.accuracy, at: location(30, 7))])
    }

    func testPredict() throws {
        let cell = try cell(7)
        XCTAssertEqual(cell.source, "image: images/seven.png\ninvert: true\n")
        XCTAssertEqual(cell.directive.predict,
                       PredictDirective(image: Located("images/seven.png", at: location(33, 8)), invert: .true))
    }

    func testParsesTheSameFromAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-notebook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("digits.md")
        try Data(ExampleNotebook.text.utf8).write(to: file)
        let fromFile = try NotebookParser.parse(fileAt: file.path)
        XCTAssertEqual(fromFile.path, file.path)
        XCTAssertEqual(fromFile.cells.map(\.source), try XCTUnwrap(document).cells.map(\.source))
        XCTAssertEqual(fromFile.cells.first?.location, SourceLocation(file: file.path, line: 6, column: 1))
    }
}
