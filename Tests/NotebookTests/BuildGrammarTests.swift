import XCTest
@testable import Notebook

final class BuildGrammarTests: XCTestCase {
    private func layers(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> [Located<LayerLine>]? {
        onlyDirective(cell("build", body), file: file, line: line)?.build?.layers
    }

    func testLayerLinesCommentsAndDefaults() {
        let body = "# hidden layers\n  dense 128 relu input=784   # first\n\n\tdense\t64\ndense 10 softmax\n"
        XCTAssertEqual(layers(body), [
            Located(.dense(units: 128, activation: .relu, inputSize: 784), at: at(3, 3)),
            Located(.dense(units: 64, activation: .linear, inputSize: nil), at: at(5, 2)),
            Located(.dense(units: 10, activation: .softmax, inputSize: nil), at: at(6, 1)),
        ])
    }

    func testInputMayStandAnywhereAfterTheType() {
        XCTAssertEqual(layers("dense input=4 3 tanh"), [Located(.dense(units: 3, activation: .tanh, inputSize: 4), at: at(2, 1))])
        assertSingleError(cell("build", "dense 1_000 sigmoid"), line: 2, column: 7, "must be an integer from 1 to 1000000, got '1_000'")
    }

    func testEmptyBuild() {
        assertSingleError(cell("build", "# no layers\n"), line: 1, column: 1, "build has no layers", hint: "one layer per line")
    }

    func testUnknownLayerTypes() {
        assertSingleError(cell("build", "dense 10\n  Dense 10"), line: 3, column: 3, "unknown layer type 'Dense'; did you mean 'dense'?")
        assertSingleError(cell("build", "dense 10\nconv2d 32"), line: 3, column: 1, "layer type 'conv2d' is not supported yet")
        assertSingleError(cell("build", "perceptron 3"), line: 2, column: 1, "unknown layer type 'perceptron'", hint: "dense UNITS")
    }

    func testUnits() {
        assertSingleError(cell("build", "dense"), line: 2, column: 1, "dense needs a number of units")
        assertSingleError(cell("build", "dense relu"), line: 2, column: 7, "the number of units must be an integer from 1 to 1000000, got 'relu'")
        assertSingleError(cell("build", "dense 0"), line: 2, column: 7, "got '0'")
        assertSingleError(cell("build", "dense 1000001 relu"), line: 2, column: 7, "at most 1000000 units, got 1000001",
                          hint: "use fewer units")
        assertSingleError(cell("build", "dense 99999999999999999999999"), line: 2, column: 7, "must be an integer")
        XCTAssertEqual(layers("dense 1000000")?.first?.value, .dense(units: 1_000_000, activation: .linear, inputSize: nil))
    }

    func testActivations() {
        assertSingleError(cell("build", "dense 10 rleu"), line: 2, column: 10, "unknown activation 'rleu'; did you mean 'relu'?",
                          hint: "relu, sigmoid, tanh, softmax, linear")
        assertSingleError(cell("build", "dense 10 gelu"), line: 2, column: 10, "activation 'gelu' is not supported yet")
        assertSingleError(cell("build", "dense 10 relu softmax"), line: 2, column: 15, "the layer already has an activation ('relu')")
        assertSingleError(cell("build", "dense 10 relu extra"), line: 2, column: 15, "unexpected 'extra' in a dense line")
    }

    func testInputArgument() {
        assertSingleError(cell("build", "dense 10 input=784\ndense 10 relu input=10"), line: 3, column: 15,
                          "only the first layer takes input=", hint: "remove `input=10`")
        assertSingleError(cell("build", "dense 10 input=28x28"), line: 2, column: 16, "input must be an integer from 1 to 100000000, got '28x28'")
        assertSingleError(cell("build", "dense 10 input="), line: 2, column: 16, "got ''")
        assertSingleError(cell("build", "dense 10 input=0"), line: 2, column: 16, "got '0'")
        assertSingleError(cell("build", "dense 10 input=1 input=2"), line: 2, column: 18, "input= is given twice")
        assertSingleError(cell("build", "dense 10 units=3"), line: 2, column: 10, "unknown dense argument 'units='")
        assertSingleError(cell("build", "dense 10 inptu=3"), line: 2, column: 10, "did you mean 'input'?")
        XCTAssertEqual(layers("dense 10 input=100000000")?.first?.value, .dense(units: 10, activation: .linear, inputSize: 100_000_000))
    }

    func testEveryBadLineIsReported() {
        let found = diagnostics(cell("build", "dense x\ndense 10 rleu\ndense 10 input=3\nlstm 4"))
        XCTAssertEqual(found.map(\.location), [at(2, 7), at(3, 10), at(4, 10), at(5, 1)])
    }
}
