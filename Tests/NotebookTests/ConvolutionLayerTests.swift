import XCTest
@testable import Notebook

/// `conv2d`, `maxpool`, `flatten`, `dropout`, `batchnorm` and bare activation lines.
final class ConvolutionLayerTests: XCTestCase {
    func testConv2dDefaults() {
        XCTAssertEqual(layers("conv2d 32 3"), [Located(LayerLine(kind: .conv2d(filters: 32, kernelSize: 3, stride: 1, padding: .valid,
                                                                              activation: .linear)), at: at(2, 1))])
    }

    func testConv2dWithEveryOption() {
        let line = "conv2d 64 5x5 relu input=28x28x1 stride=2 padding=same init=he_uniform"
        XCTAssertEqual(layers(line)?.first?.value,
                       LayerLine(kind: .conv2d(filters: 64, kernelSize: 5, stride: 2, padding: .same, activation: .relu),
                                 inputShape: [28, 28, 1], initializer: .heUniform))
        XCTAssertEqual(layerKinds("conv2d 8 1 padding=valid activation=leaky_relu stride=64x64"),
                       [.conv2d(filters: 8, kernelSize: 1, stride: 64, padding: .valid, activation: .leakyRelu)])
        XCTAssertEqual(layerKinds("conv2d 1000000 64x64"),
                       [.conv2d(filters: 1_000_000, kernelSize: 64, stride: 1, padding: .valid, activation: .linear)])
    }

    func testConv2dPositionalErrors() {
        assertSingleError(cell("build", "conv2d"), line: 2, column: 1, "conv2d needs a number of filters", hint: "conv2d FILTERS KERNEL")
        assertSingleError(cell("build", "conv2d 32"), line: 2, column: 1, "conv2d needs a kernel size")
        assertSingleError(cell("build", "conv2d 32 relu"), line: 2, column: 11, "the kernel size must be an integer from 1 to 64, got 'relu'")
        assertSingleError(cell("build", "conv2d 32 3x5"), line: 2, column: 11, "non-square kernels are not supported, got '3x5'")
        for bad in ["0", "65", "3x3x3", "3.0", "x3", "3x"] {
            assertSingleError(cell("build", "conv2d 32 \(bad)"), line: 2, column: 11, "the kernel size must be an integer from 1 to 64, got '\(bad)'")
        }
        assertSingleError(cell("build", "conv2d 0 3"), line: 2, column: 8, "the number of filters must be an integer from 1 to 1000000, got '0'")
        assertSingleError(cell("build", "conv2d 1000001 3"), line: 2, column: 8, "a conv2d layer takes at most 1000000 filters")
        assertSingleError(cell("build", "conv2d 32 3 relu softmax"), line: 2, column: 18, "the layer already has an activation ('relu')")
        assertSingleError(cell("build", "conv2d 32 3 relu 7"), line: 2, column: 18, "unexpected '7' in a conv2d line")
    }

    func testConv2dOptionErrors() {
        assertSingleError(cell("build", "conv2d 32 3 stride=0"), line: 2, column: 20, "the stride must be an integer from 1 to 64, got '0'")
        assertSingleError(cell("build", "conv2d 32 3 stride=1x2"), line: 2, column: 20, "non-square strides are not supported")
        assertSingleError(cell("build", "conv2d 32 3 padding=full"), line: 2, column: 21, "unknown padding 'full'", hint: "valid")
        assertSingleError(cell("build", "conv2d 32 3 padding=Same"), line: 2, column: 21, "did you mean 'same'?")
        assertSingleError(cell("build", "conv2d 32 3 strides=2"), line: 2, column: 13, "unknown conv2d argument 'strides='",
                          hint: "write `stride=2`")
        assertSingleError(cell("build", "conv2d 32 3 stride=1 stride=2"), line: 2, column: 22, "stride= is given twice")
        assertSingleError(cell("build", "conv2d 32 3 input=784"), line: 2, column: 19, "conv2d takes an image input, input=HxWxC",
                          hint: "`reshape: 28x28x1`")
        assertSingleError(cell("build", "conv2d 32 3 input=28x28"), line: 2, column: 19, "got '28x28'")
        assertSingleError(cell("build", "conv2d 32 3 kernel_size=3"), line: 2, column: 13, "unknown conv2d argument 'kernel_size='",
                          hint: "second argument")
    }

    func testMaxPool() {
        XCTAssertEqual(layerKinds("maxpool 2\nmaxpool2d 3 stride=1\nmax_pooling2d 2x2\nmaxpooling2d 64"), [
            .maxPool(poolSize: 2, stride: nil), .maxPool(poolSize: 3, stride: 1), .maxPool(poolSize: 2, stride: nil),
            .maxPool(poolSize: 64, stride: nil),
        ])
        XCTAssertEqual(layers("maxpool 2 input=28x28x1")?.first?.value.inputShape, [28, 28, 1])
        assertSingleError(cell("build", "maxpool"), line: 2, column: 1, "maxpool needs a pool size", hint: "maxpool POOL")
        assertSingleError(cell("build", "maxpool 2x3"), line: 2, column: 9, "non-square pools are not supported")
        assertSingleError(cell("build", "maxpool 65"), line: 2, column: 9, "the pool size must be an integer from 1 to 64, got '65'")
        assertSingleError(cell("build", "maxpool 2 stride=65"), line: 2, column: 18, "the stride must be an integer from 1 to 64")
        assertSingleError(cell("build", "maxpool 2 padding=same"), line: 2, column: 11, "maxpool takes no 'padding=' argument")
        assertSingleError(cell("build", "maxpool 2 2"), line: 2, column: 11, "unexpected '2' in a maxpool line")
        assertSingleError(cell("build", "maxpool 2 input=784"), line: 2, column: 17, "maxpool takes an image input")
    }

    func testFlattenDropoutAndBatchNorm() {
        XCTAssertEqual(layerKinds("flatten\ndropout 0.5\ndropout 0\ndropout .25\nbatchnorm\nbatch_normalization\nbatchnormalization"), [
            .flatten, .dropout(rate: 0.5), .dropout(rate: 0), .dropout(rate: 0.25), .batchNormalization, .batchNormalization,
            .batchNormalization,
        ])
        assertSingleError(cell("build", "dropout"), line: 2, column: 1, "dropout needs a dropout rate", hint: "`dropout 0.5`")
        for bad in ["1", "-0.1", "nan", "inf", "1e400", "half"] {
            assertSingleError(cell("build", "dropout \(bad)"), line: 2, column: 9,
                              "the dropout rate must be a number from 0 up to (not including) 1, got '\(bad)'")
        }
        assertSingleError(cell("build", "flatten 2"), line: 2, column: 9, "unexpected '2' in a flatten line")
        assertSingleError(cell("build", "batchnorm 0.99"), line: 2, column: 11, "unexpected '0.99' in a batchnorm line")
        assertSingleError(cell("build", "dropout 0.5 rate=0.5"), line: 2, column: 13, "unknown dropout argument 'rate='",
                          hint: "give the rate as the first argument")
        assertSingleError(cell("build", "flatten activation=relu"), line: 2, column: 9, "flatten takes no 'activation=' argument")
    }

    func testActivationLines() {
        XCTAssertEqual(layerKinds("relu\nleaky_relu\nleaky_relu 0.3\nleaky_relu 0\nsigmoid\ntanh\nsoftmax\nlinear"), [
            .activation(.relu, negativeSlope: nil), .activation(.leakyRelu, negativeSlope: nil),
            .activation(.leakyRelu, negativeSlope: 0.3), .activation(.leakyRelu, negativeSlope: 0),
            .activation(.sigmoid, negativeSlope: nil), .activation(.tanh, negativeSlope: nil),
            .activation(.softmax, negativeSlope: nil), .activation(.linear, negativeSlope: nil),
        ])
        XCTAssertEqual(layers("softmax input=10")?.first?.value, LayerLine(kind: .activation(.softmax, negativeSlope: nil), inputShape: [10]))
        for bad in ["-1", "inf", "1e400", "steep"] {
            assertSingleError(cell("build", "leaky_relu \(bad)"), line: 2, column: 12,
                              "the negative slope must be a number of at least 0, got '\(bad)'")
        }
        assertSingleError(cell("build", "relu 0.3"), line: 2, column: 6, "'relu' takes no arguments", hint: "leaky_relu SLOPE")
        assertSingleError(cell("build", "leaky_relu 0.1 0.2"), line: 2, column: 16, "unexpected '0.2' in a leaky_relu line")
        assertSingleError(cell("build", "sigmoid activation=relu"), line: 2, column: 9, "sigmoid takes no 'activation=' argument")
        assertSingleError(cell("build", "leaky_relu alpha=0.3"), line: 2, column: 12, "unknown leaky_relu argument 'alpha='",
                          hint: "`leaky_relu 0.3`")
    }

    /// The CNN of issue 3 and docs/notebook-format.md, layer by layer.
    func testTheCNNExample() {
        let body = "conv2d 32 3 relu input=28x28x1\nmaxpool 2\nconv2d 64 3 relu\nmaxpool 2\nflatten\ndropout 0.5\ndense 10 softmax\n"
        XCTAssertEqual(layers(body), [
            Located(LayerLine(kind: .conv2d(filters: 32, kernelSize: 3, stride: 1, padding: .valid, activation: .relu),
                              inputShape: [28, 28, 1], initializer: nil), at: at(2, 1)),
            Located(LayerLine(kind: .maxPool(poolSize: 2, stride: nil)), at: at(3, 1)),
            Located(LayerLine(kind: .conv2d(filters: 64, kernelSize: 3, stride: 1, padding: .valid, activation: .relu)), at: at(4, 1)),
            Located(LayerLine(kind: .maxPool(poolSize: 2, stride: nil)), at: at(5, 1)),
            Located(LayerLine(kind: .flatten), at: at(6, 1)),
            Located(LayerLine(kind: .dropout(rate: 0.5)), at: at(7, 1)),
            Located(LayerLine(kind: .dense(units: 10, activation: .softmax)), at: at(8, 1)),
        ])
    }
}
