import XCTest
@testable import Notebook

final class LoadAndPreprocessTests: XCTestCase {
    // MARK: - load

    func testDatasets() throws {
        XCTAssertEqual(onlyDirective(cell("load", "dataset: fashion-mnist"))?.load?.data?.dataset,
                       Located(.fashionMNIST, at: at(2, 10)))
        XCTAssertEqual(onlyDirective(cell("load", "dataset: 'mnist'"))?.load?.data?.dataset?.value, .mnist)
    }

    func testPathKeepsTextAsWrittenWithoutQuotes() {
        XCTAssertEqual(onlyDirective(cell("load", "path: \"data/my digits # 2\""))?.load?.data?.path,
                       Located("data/my digits # 2", at: at(2, 7)))
        XCTAssertEqual(onlyDirective(cell("load", "path:   /abs/dir   # comment"))?.load?.data?.path,
                       Located("/abs/dir", at: at(2, 9)))
    }

    func testUnknownDatasetListsNames() {
        assertSingleError(cell("load", "dataset: mnsit"), line: 2, column: 10, "unknown dataset 'mnsit'; did you mean 'mnist'?",
                          hint: "mnist, fashion-mnist")
        assertSingleError(cell("load", "dataset: cifar10"), line: 2, column: 10, "unknown dataset 'cifar10'", hint: "path: FOLDER")
    }

    func testSavedModel() {
        let alone = onlyDirective(cell("load", "model: 'models/cnn.safetensors'"))?.load
        XCTAssertEqual(alone?.model, Located("models/cnn.safetensors", at: at(2, 8)))
        XCTAssertNil(alone?.data)
        let both = onlyDirective(cell("load", "model: cnn.safetensors\ndataset: mnist"))?.load
        XCTAssertEqual(both?.model, Located("cnn.safetensors", at: at(2, 8)))
        XCTAssertEqual(both?.data?.dataset, Located(.mnist, at: at(3, 10)))
        XCTAssertEqual(onlyDirective(cell("load", "path: digits\nmodel: m.safetensors"))?.load?.data?.path, Located("digits", at: at(2, 7)))
        assertSingleError(cell("load", "model:"), line: 2, column: 7, "'model' has no value")
        assertSingleError(cell("load", "model: m.safetensors\nmodel: n.safetensors"), line: 3, column: 1, "'model' is set twice")
        let misspelt = diagnostics(cell("load", "modle: m.safetensors"))
        XCTAssertEqual(misspelt.map(\.location), [at(1, 1), at(2, 1)])
        XCTAssertEqual(misspelt.last?.message, "unknown load option 'modle'; did you mean 'model'?")
        XCTAssertEqual(misspelt.last?.hint, "load takes: dataset, path, model")
        let found = diagnostics(cell("load", "model: m.safetensors\ndataset: mnsit"))
        XCTAssertEqual(found.map(\.location), [at(3, 10)])
    }

    func testNeitherOrBothSources() {
        assertSingleError(cell("load", "# nothing yet"), line: 1, column: 1, "load needs a 'dataset', 'path' or 'model' option",
                          hint: "`model: FILE.safetensors`")
        assertSingleError(cell("load", "model: m.safetensors\npath: x\ndataset: mnist"), line: 4, column: 1, "either 'dataset' or 'path', not both")
        assertSingleError(cell("load", "path: x\ndataset: mnist"), line: 3, column: 1, "either 'dataset' or 'path', not both")
        assertSingleError(cell("load", "path:"), line: 2, column: 6, "'path' has no value")
    }

    // MARK: - preprocess

    func testAllOptions() {
        XCTAssertEqual(onlyDirective(cell("preprocess", "scale: 127.5\none_hot: 2\nflatten: no"))?.preprocess,
                       PreprocessDirective(flatten: false, scale: 127.5, oneHot: Located(2, at: at(3, 10))))
        XCTAssertEqual(onlyDirective(cell("preprocess", "scale: .5"))?.preprocess, PreprocessDirective(scale: 0.5))
        XCTAssertEqual(onlyDirective(cell("preprocess", "scale: 1e-3"))?.preprocess, PreprocessDirective(scale: 0.001))
        XCTAssertEqual(onlyDirective(cell("preprocess", "one_hot: 100000"))?.preprocess?.oneHot?.value, 100_000)
    }

    func testReshape() {
        XCTAssertEqual(onlyDirective(cell("preprocess", "reshape: 28x28x1\nscale: 255"))?.preprocess,
                       PreprocessDirective(scale: 255, reshape: Located([28, 28, 1], at: at(2, 10))))
        XCTAssertEqual(onlyDirective(cell("preprocess", "reshape: 784\nflatten: false"))?.preprocess?.reshape?.value, [784])
        XCTAssertEqual(onlyDirective(cell("preprocess", "reshape: '100000x1'"))?.preprocess?.reshape?.value, [100_000, 1])
        for bad in ["0", "100001", "28x28x1x1", "28X28", "28*28", "(28, 28, 1)", "28x", "-28x28"] {
            assertSingleError(cell("preprocess", "reshape: \(bad)"), line: 2, column: 10,
                              "'reshape' must be 1 to 3 sizes from 1 to 100000 joined by x (such as 28x28x1), got '\(bad)'")
        }
        assertSingleError(cell("preprocess", "flatten: true\nreshape: 28x28x1"), line: 3, column: 1,
                          "preprocess takes either 'flatten: true' or 'reshape', not both")
        assertSingleError(cell("preprocess", "reshape: 28x28x1\nflatten: yes"), line: 3, column: 1, "not both")
    }

    func testEmptyPreprocessIsRefused() {
        assertSingleError(cell("preprocess", "\n# only a comment\n"), line: 1, column: 1, "preprocess has nothing to do",
                          hint: "`flatten: true`")
    }

    func testPreprocessRanges() {
        for bad in ["0", "-1", "inf", "nan", "1e999", "0x10", "255px", "1.2.3"] {
            assertSingleError(cell("preprocess", "scale: \(bad)"), line: 2, column: 8,
                              "'scale' must be a number greater than 0, got '\(bad)'")
        }
        assertSingleError(cell("preprocess", "one_hot: 1"), line: 2, column: 10, "'one_hot' must be an integer from 2 to 100000")
        assertSingleError(cell("preprocess", "one_hot: 100001"), line: 2, column: 10, "got '100001'")
        assertSingleError(cell("preprocess", "one_hot: 10.0"), line: 2, column: 10, "got '10.0'")
    }
}
