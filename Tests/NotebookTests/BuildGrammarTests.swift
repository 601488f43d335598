import XCTest
@testable import Notebook

/// `build` lines in general and `dense` in particular.
final class BuildGrammarTests: XCTestCase {
    func testLayerLinesCommentsAndDefaults() {
        let body = "# hidden layers\n  dense 128 relu input=784   # first\n\n\tdense\t64\ndense 10 softmax\n"
        XCTAssertEqual(layers(body), [
            Located(dense(128, .relu, input: [784]), at: at(3, 3)),
            Located(dense(64), at: at(5, 2)),
            Located(dense(10, .softmax), at: at(6, 1)),
        ])
    }

    func testOptionsMayStandAnywhereAfterTheType() {
        XCTAssertEqual(layers("dense input=4 3 tanh"), [Located(dense(3, .tanh, input: [4]), at: at(2, 1))])
        XCTAssertEqual(layers("dense init=zeros 3 activation=sigmoid")?.first?.value, dense(3, .sigmoid, initializer: .zeros))
        assertSingleError(cell("build", "dense 1_000 sigmoid"), line: 2, column: 7, "must be an integer from 1 to 1000000, got '1_000'")
    }

    func testEmptyBuild() {
        assertSingleError(cell("build", "# no layers\n"), line: 1, column: 1, "build has no layers", hint: "one layer per line")
    }

    func testUnknownLayerTypes() {
        assertSingleError(cell("build", "dense 10\n  Dense 10"), line: 3, column: 3, "unknown layer type 'Dense'; did you mean 'dense'?")
        assertSingleError(cell("build", "Conv2D 32 3"), line: 2, column: 1, "unknown layer type 'Conv2D'; did you mean 'conv2d'?")
        assertSingleError(cell("build", "batchnrom"), line: 2, column: 1, "did you mean 'batchnorm'?")
        assertSingleError(cell("build", "leakyrelu 0.2"), line: 2, column: 1, "did you mean 'leaky_relu'?")
        assertSingleError(cell("build", "dense 10\nlstm 32"), line: 3, column: 1, "layer type 'lstm' is not supported yet")
        assertSingleError(cell("build", "avgpool 2"), line: 2, column: 1, "layer type 'avgpool' is not supported yet")
        assertSingleError(cell("build", "gelu"), line: 2, column: 1, "activation 'gelu' is not supported yet")
        assertSingleError(cell("build", "activation relu"), line: 2, column: 1, "an activation layer is written as the activation's name alone",
                          hint: "`leaky_relu 0.3`")
        assertSingleError(cell("build", "perceptron 3"), line: 2, column: 1, "unknown layer type 'perceptron'",
                          hint: "dense, conv2d, maxpool, flatten, dropout, batchnorm")
    }

    func testUnits() {
        assertSingleError(cell("build", "dense"), line: 2, column: 1, "dense needs a number of units", hint: "dense UNITS")
        assertSingleError(cell("build", "dense relu"), line: 2, column: 7, "the number of units must be an integer from 1 to 1000000, got 'relu'")
        assertSingleError(cell("build", "dense 0"), line: 2, column: 7, "got '0'")
        assertSingleError(cell("build", "dense 1000001 relu"), line: 2, column: 7, "at most 1000000 units, got 1000001",
                          hint: "use fewer units")
        assertSingleError(cell("build", "dense 99999999999999999999999"), line: 2, column: 7, "must be an integer")
        XCTAssertEqual(layers("dense 1000000")?.first?.value, dense(1_000_000))
    }

    func testActivations() {
        XCTAssertEqual(layerKinds("dense 10 leaky_relu\ndense 3 activation=softmax"),
                       [.dense(units: 10, activation: .leakyRelu), .dense(units: 3, activation: .softmax)])
        assertSingleError(cell("build", "dense 10 rleu"), line: 2, column: 10, "unknown activation 'rleu'; did you mean 'relu'?",
                          hint: "relu, leaky_relu, sigmoid, tanh, softmax, linear")
        assertSingleError(cell("build", "dense 10 activation=rleu"), line: 2, column: 21, "unknown activation 'rleu'; did you mean 'relu'?")
        assertSingleError(cell("build", "dense 10 gelu"), line: 2, column: 10, "activation 'gelu' is not supported yet")
        assertSingleError(cell("build", "dense 10 relu softmax"), line: 2, column: 15, "the layer already has an activation ('relu')")
        assertSingleError(cell("build", "dense 10 relu activation=tanh"), line: 2, column: 26, "the layer already has an activation ('relu')")
        assertSingleError(cell("build", "dense 10 activation=tanh relu"), line: 2, column: 26, "already has an activation ('tanh')")
        assertSingleError(cell("build", "dense 10 relu extra"), line: 2, column: 15, "unexpected 'extra' in a dense line")
    }

    func testInputArgument() {
        assertSingleError(cell("build", "dense 10 input=784\ndense 10 relu input=10"), line: 3, column: 15,
                          "only the first layer takes input=", hint: "remove `input=10`")
        assertSingleError(cell("build", "dense 10 input=28x28"), line: 2, column: 16, "dense takes a flat input, input=N, got '28x28'",
                          hint: "`flatten input=28x28`")
        assertSingleError(cell("build", "dense 10 input="), line: 2, column: 16, "input must be an integer from 1 to 100000000, or 2 or 3 sizes")
        assertSingleError(cell("build", "dense 10 input=0"), line: 2, column: 16, "got '0'")
        assertSingleError(cell("build", "dense 10 input=100000001"), line: 2, column: 16, "got '100000001'")
        assertSingleError(cell("build", "dense 10 input=1 input=2"), line: 2, column: 18, "input= is given twice")
        assertSingleError(cell("build", "dense 10 units=3"), line: 2, column: 10, "unknown dense argument 'units='",
                          hint: "give the number of units as the first argument")
        assertSingleError(cell("build", "dense 10 input_shape=784"), line: 2, column: 10, "unknown dense argument 'input_shape='",
                          hint: "write `input=28x28x1`")
        assertSingleError(cell("build", "dense 10 inptu=3"), line: 2, column: 10, "did you mean 'input'?")
        assertSingleError(cell("build", "dense 10 padding=same"), line: 2, column: 10, "dense takes no 'padding=' argument",
                          hint: "dense takes `activation=`, `input=`, `init=`")
        XCTAssertEqual(layers("dense 10 input=100000000")?.first?.value, dense(10, input: [100_000_000]))
    }

    func testInputShapes() {
        XCTAssertEqual(layers("flatten input=28x28")?.first?.value, LayerLine(kind: .flatten, inputShape: [28, 28]))
        XCTAssertEqual(layers("flatten input=100000x1x100000")?.first?.value.inputShape, [100_000, 1, 100_000])
        let bad: [(String, Int)] = [("100001x2", 15), ("1x2x3x4", 15), ("28X28", 15), ("28x", 15), ("x28", 15), ("28x-1", 15),
                                    ("28×28", 15), ("0x5", 15)]
        for (shape, column) in bad {
            assertSingleError(cell("build", "flatten input=\(shape)"), line: 2, column: column, "got '\(shape)'")
        }
        XCTAssertEqual(layers("dropout 0.2 input=10")?.first?.value, LayerLine(kind: .dropout(rate: 0.2), inputShape: [10]))
        assertSingleError(cell("build", "flatten input=28x28\ndense 10 input=784"), line: 3, column: 10, "only the first layer")
    }

    func testOptionWithoutEquals() {
        assertSingleError(cell("build", "dense input 784"), line: 2, column: 7, "'input' is an option and needs a value",
                          hint: "write it as `input=VALUE`")
        let found = diagnostics(cell("build", "conv2d 32 3 relu stride 2"))
        XCTAssertEqual(found.map(\.location), [at(2, 18), at(2, 25)])
        XCTAssertEqual(found.map(\.message), ["'stride' is an option and needs a value", "unexpected '2' in a conv2d line"])
    }

    func testInitializers() {
        for initializer in InitializerName.allCases {
            XCTAssertEqual(layers("dense 10 relu init=\(initializer.rawValue)")?.first?.value,
                           dense(10, .relu, initializer: initializer))
        }
        assertSingleError(cell("build", "dense 10 init=orthogonal"), line: 2, column: 15, "initializer 'orthogonal' is not supported yet",
                          hint: "glorot_uniform, glorot_normal, he_uniform, he_normal, zeros")
        assertSingleError(cell("build", "dense 10 init=he_norml"), line: 2, column: 15, "unknown initializer 'he_norml'; did you mean 'he_normal'?")
        assertSingleError(cell("build", "dense 10 init=zeros init=zeros"), line: 2, column: 21, "init= is given twice")
        assertSingleError(cell("build", "maxpool 2 init=zeros"), line: 2, column: 11, "maxpool takes no 'init=' argument")
        assertSingleError(cell("build", "dense 10 kernel_initializer=zeros"), line: 2, column: 10, "unknown dense argument",
                          hint: "write `init=he_normal`")
    }

    func testEveryBadLineIsReported() {
        let found = diagnostics(cell("build", "dense x\ndense 10 rleu\ndense 10 input=3\nlstm 4\nconv2d 8 3x5 input=784"))
        XCTAssertEqual(found.map(\.location), [at(2, 7), at(3, 10), at(4, 10), at(5, 1), at(6, 10), at(6, 14)])
    }
}
