import XCTest
@testable import Notebook

final class LoadAndPreprocessTests: XCTestCase {
    // MARK: - load

    func testDatasets() throws {
        XCTAssertEqual(onlyDirective(cell("load", "dataset: fashion-mnist"))?.load?.source.dataset,
                       Located(.fashionMNIST, at: at(2, 10)))
        XCTAssertEqual(onlyDirective(cell("load", "dataset: 'mnist'"))?.load?.source.dataset?.value, .mnist)
    }

    func testPathKeepsTextAsWrittenWithoutQuotes() {
        XCTAssertEqual(onlyDirective(cell("load", "path: \"data/my digits # 2\""))?.load?.source.path,
                       Located("data/my digits # 2", at: at(2, 7)))
        XCTAssertEqual(onlyDirective(cell("load", "path:   /abs/dir   # comment"))?.load?.source.path,
                       Located("/abs/dir", at: at(2, 9)))
    }

    func testUnknownDatasetListsNames() {
        assertSingleError(cell("load", "dataset: mnsit"), line: 2, column: 10, "unknown dataset 'mnsit'; did you mean 'mnist'?",
                          hint: "mnist, fashion-mnist")
        assertSingleError(cell("load", "dataset: cifar10"), line: 2, column: 10, "unknown dataset 'cifar10'", hint: "path: FOLDER")
    }

    func testNeitherOrBothSources() {
        assertSingleError(cell("load", "# nothing yet"), line: 1, column: 1, "load needs a 'dataset' or a 'path' option")
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

    func testEmptyPreprocessHasNothingToDo() {
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
