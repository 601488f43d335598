import XCTest
@testable import Notebook

/// docs/notebook-format.md's convolutional notebook parses to exactly the expected document.
final class CNNNotebookTests: XCTestCase {
    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: ExampleNotebook.cnnPath, line: line, column: column)
    }

    private func cells() throws -> [Cell] {
        try NotebookParser.parse(source: ExampleNotebook.cnnText, path: ExampleNotebook.cnnPath).cells
    }

    func testShape() throws {
        let cells = try cells()
        XCTAssertEqual(cells.map(\.name), ["load", "preprocess", "build", "summary", "fit", "evaluate", "plot", "save"])
        XCTAssertEqual(cells.map(\.location.line), [4, 7, 11, 20, 22, 29, 31, 34])
    }

    func testEveryCell() throws {
        let cells = try cells()
        guard cells.count == 8 else { return XCTFail("expected 8 cells, got \(cells.count)") }
        XCTAssertEqual(cells[0].directive.load?.data?.dataset, Located(.mnist, at: location(5, 10)))
        XCTAssertNil(cells[0].directive.load?.model)
        XCTAssertEqual(cells[1].directive.preprocess,
                       PreprocessDirective(flatten: false, scale: 255, oneHot: nil, reshape: Located([28, 28, 1], at: location(8, 10))))
        XCTAssertEqual(cells[2].directive.build?.layers, [
            Located(LayerLine(kind: .conv2d(filters: 32, kernelSize: 3, stride: 1, padding: .valid, activation: .relu),
                              inputShape: [28, 28, 1], initializer: nil), at: location(12, 1)),
            Located(LayerLine(kind: .maxPool(poolSize: 2, stride: nil), inputShape: nil, initializer: nil), at: location(13, 1)),
            Located(LayerLine(kind: .conv2d(filters: 64, kernelSize: 3, stride: 1, padding: .valid, activation: .relu),
                              inputShape: nil, initializer: nil), at: location(14, 1)),
            Located(LayerLine(kind: .maxPool(poolSize: 2, stride: nil), inputShape: nil, initializer: nil), at: location(15, 1)),
            Located(LayerLine(kind: .flatten, inputShape: nil, initializer: nil), at: location(16, 1)),
            Located(LayerLine(kind: .dropout(rate: 0.5), inputShape: nil, initializer: nil), at: location(17, 1)),
            Located(LayerLine(kind: .dense(units: 10, activation: .softmax), inputShape: nil, initializer: nil), at: location(18, 1)),
        ])
        XCTAssertEqual(cells[3].directive.summary, SummaryDirective())
        XCTAssertEqual(cells[4].directive.fit,
                       FitDirective(loss: .sparseCategoricalCrossentropy, optimizer: .adam, learningRate: nil, momentum: 0,
                                    nesterov: false, weightDecay: nil, epochs: 2, batchSize: 128, validationSplit: 0.1, shuffle: true))
        XCTAssertEqual(cells[5].directive.evaluate, EvaluateDirective())
        XCTAssertEqual(cells[6].directive.plot?.charts, [Located(.loss, at: location(32, 1)), Located(.accuracy, at: location(32, 7))])
        XCTAssertEqual(cells[7].directive.save, SaveDirective(path: Located("digits-cnn.safetensors", at: location(35, 7))))
    }
}
