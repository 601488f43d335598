import XCTest
@testable import Notebook

final class PlotPredictEvaluateTests: XCTestCase {
    // MARK: - plot

    func testChartsByCommasAndLines() {
        XCTAssertEqual(onlyDirective(cell("plot", "loss,accuracy\n\n  confusion_matrix  # after evaluate\nsamples,"))?.plot?.charts, [
            Located(.loss, at: at(2, 1)), Located(.accuracy, at: at(2, 6)),
            Located(.confusionMatrix, at: at(4, 3)), Located(.samples, at: at(5, 1)),
        ])
    }

    func testWeightsAndMistakesAreCharts() {
        XCTAssertEqual(onlyDirective(cell("plot", "weights\nconfusion_matrix, mistakes"))?.plot?.charts, [
            Located(.weights, at: at(2, 1)), Located(.confusionMatrix, at: at(3, 1)), Located(.mistakes, at: at(3, 19)),
        ])
        assertSingleError(cell("plot", "weight"), line: 2, column: 1, "unknown chart 'weight'; did you mean 'weights'?")
        assertSingleError(cell("plot", "mistakes, mistakes"), line: 2, column: 11, "'mistakes' is listed twice (first on line 2)")
    }

    func testEmptyPlotMeansLossAndAccuracy() {
        XCTAssertEqual(onlyDirective("\n" + cell("plot", "# defaults"))?.plot?.charts,
                       [Located(.loss, at: at(2, 1)), Located(.accuracy, at: at(2, 1))])
    }

    func testUnknownAndDuplicateCharts() {
        assertSingleError(cell("plot", "loss, confusion matrix"), line: 2, column: 7,
                          "unknown chart 'confusion matrix'; did you mean 'confusion_matrix'?", hint: "charts: loss, accuracy, confusion_matrix, samples, weights, mistakes")
        assertSingleError(cell("plot", "loss\naccuracy,   loss"), line: 3, column: 13, "'loss' is listed twice (first on line 2)")
    }

    // MARK: - predict

    func testPredictOptions() {
        XCTAssertEqual(onlyDirective(cell("predict", "image: https://example.com/7.png"))?.predict,
                       PredictDirective(image: Located("https://example.com/7.png", at: at(2, 8))))
        XCTAssertEqual(onlyDirective(cell("predict", "image: 'my seven.jpg'\ninvert: auto\ncenter: false"))?.predict,
                       PredictDirective(image: Located("my seven.jpg", at: at(2, 8)), invert: .auto, center: .false))
        XCTAssertEqual(onlyDirective(cell("predict", "invert: False\nimage: x.png"))?.predict?.invert, .false)
    }

    func testPredictErrors() {
        assertSingleError(cell("predict", "invert: true"), line: 1, column: 1, "predict needs an 'image' option")
        assertSingleError(cell("predict", "image: x.png\ninvert: maybe"), line: 3, column: 9, "'invert' must be true, false or auto")
        assertSingleError(cell("predict", "image: x.png\ncenter: maybe"), line: 3, column: 9, "'center' must be true, false or auto")
    }

    // MARK: - evaluate

    func testEvaluateTakesOnlyALoss() {
        XCTAssertEqual(onlyDirective(cell("evaluate", "# on the test set\n\n"))?.evaluate, EvaluateDirective())
        XCTAssertEqual(onlyDirective(cell("evaluate", "loss: mse"))?.evaluate, EvaluateDirective(loss: .meanSquaredError))
        let found = diagnostics(cell("evaluate", "batch_size: 10\nloss: hinge_it"))
        XCTAssertEqual(found.map(\.location), [at(2, 1), at(3, 7)])
        XCTAssertTrue(found[0].message.hasPrefix("unknown evaluate option 'batch_size'"), found[0].message)
        XCTAssertTrue(found[1].message.contains("hinge_it"), found[1].message)
    }

    // MARK: - summary

    func testSummaryTakesNoOptions() {
        XCTAssertEqual(onlyDirective(cell("summary", "# the Keras table\n"))?.summary, SummaryDirective())
        XCTAssertEqual(onlyDirective(cell("summary", ""))?.summary, SummaryDirective())
        let found = diagnostics(cell("summary", "line_length: 80\n\t  expand_nested: true"))
        XCTAssertEqual(found.map(\.location), [at(2, 1), at(3, 4)])
        XCTAssertTrue(found.allSatisfy { $0.message == "summary takes no options" })
    }

    // MARK: - save

    func testSave() {
        XCTAssertEqual(onlyDirective(cell("save", "path: model.safetensors"))?.save,
                       SaveDirective(path: Located("model.safetensors", at: at(2, 7))))
        XCTAssertEqual(onlyDirective(cell("save", "# weights\npath: 'out/my model.safetensors'  # quoted"))?.save?.path,
                       Located("out/my model.safetensors", at: at(3, 7)))
        assertSingleError("Text\n\n" + cell("save", ""), line: 3, column: 1, "save needs a 'path' option",
                          hint: "`path: model.safetensors`")
        assertSingleError(cell("save", "path:"), line: 2, column: 6, "'path' has no value")
        assertSingleError(cell("save", "path: a\nformat: h5"), line: 3, column: 1, "unknown save option 'format'", hint: "save takes: path")
        let found = diagnostics(cell("save", "file: m.safetensors"))
        XCTAssertEqual(found.map(\.location), [at(1, 1), at(2, 1)])
        XCTAssertEqual(found.map { $0.message.prefix(12) }, ["save needs a", "unknown save"])
    }
}
