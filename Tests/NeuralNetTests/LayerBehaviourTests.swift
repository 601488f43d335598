import XCTest
@testable import NeuralNet

/// What the new layers compute (against hand-worked values and Keras' rules), how the model
/// names and counts them, and how they behave in training versus evaluation.
final class LayerBehaviourTests: XCTestCase {
    private let cnn: [LayerSpec] = [
        .conv2d(filters: 32, kernelSize: 3, activation: .relu), .maxPool2D(poolSize: 2),
        .conv2d(filters: 64, kernelSize: 3, activation: .relu), .maxPool2D(poolSize: 2),
        .flatten, .dropout(rate: 0.5), .dense(units: 10, activation: .softmax),
    ]

    func testSummaryOfTheBenchmarkCNNMatchesKeras() throws {
        let model = try Sequential(inputShape: [28, 28, 1], layers: cnn, seed: 1)
        XCTAssertEqual(model.summary, [
            LayerSummary(name: "conv2d", type: "Conv2D", outputShape: [26, 26, 32], parameters: 320),
            LayerSummary(name: "max_pooling2d", type: "MaxPooling2D", outputShape: [13, 13, 32], parameters: 0),
            LayerSummary(name: "conv2d_1", type: "Conv2D", outputShape: [11, 11, 64], parameters: 18_496),
            LayerSummary(name: "max_pooling2d_1", type: "MaxPooling2D", outputShape: [5, 5, 64], parameters: 0),
            LayerSummary(name: "flatten", type: "Flatten", outputShape: [1600], parameters: 0),
            LayerSummary(name: "dropout", type: "Dropout", outputShape: [1600], parameters: 0),
            LayerSummary(name: "dense", type: "Dense", outputShape: [10], parameters: 16_010),
        ])
        XCTAssertEqual(model.parameterCount, 34_826)
        XCTAssertEqual(model.trainableParameterCount, 34_826)
        XCTAssertEqual(model.layers, cnn)
    }

    func testBatchNormalizationAndActivationLayersInTheSummary() throws {
        let model = try Sequential(inputShape: [8, 8, 3], layers: [
            .conv2d(filters: 4, kernelSize: 3, stride: 2, padding: .same), .batchNormalization,
            .activation(.leakyRelu), .activation(.relu), .flatten, .dense(units: 5), .batchNormalization,
        ], seed: 1)
        XCTAssertEqual(model.summary, [
            LayerSummary(name: "conv2d", type: "Conv2D", outputShape: [4, 4, 4], parameters: 112),
            LayerSummary(name: "batch_normalization", type: "BatchNormalization", outputShape: [4, 4, 4],
                         parameters: 16, trainableParameters: 8),
            LayerSummary(name: "leaky_re_lu", type: "LeakyReLU", outputShape: [4, 4, 4], parameters: 0),
            LayerSummary(name: "activation", type: "Activation", outputShape: [4, 4, 4], parameters: 0),
            LayerSummary(name: "flatten", type: "Flatten", outputShape: [64], parameters: 0),
            LayerSummary(name: "dense", type: "Dense", outputShape: [5], parameters: 325),
            LayerSummary(name: "batch_normalization_1", type: "BatchNormalization", outputShape: [5],
                         parameters: 20, trainableParameters: 10),
        ])
        XCTAssertEqual(model.parameterCount, 112 + 16 + 325 + 20)
        XCTAssertEqual(model.trainableParameterCount, 112 + 8 + 325 + 10)
    }

    func testPaddingAndStrideGiveKerasOutputShapes() throws {
        func shape(_ spec: LayerSpec, _ input: [Int]) throws -> [Int] {
            try Sequential(inputShape: input, layers: [spec], seed: 1).outputShape
        }
        XCTAssertEqual(try shape(.conv2d(filters: 2, kernelSize: 3), [28, 28, 1]), [26, 26, 2])
        XCTAssertEqual(try shape(.conv2d(filters: 2, kernelSize: 3, padding: .same), [28, 28, 1]), [28, 28, 2])
        XCTAssertEqual(try shape(.conv2d(filters: 2, kernelSize: 3, stride: 2), [28, 28, 1]), [13, 13, 2])
        XCTAssertEqual(try shape(.conv2d(filters: 2, kernelSize: 3, stride: 2, padding: .same), [7, 6, 1]), [4, 3, 2])
        XCTAssertEqual(try shape(.maxPool2D(poolSize: 2), [11, 11, 3]), [5, 5, 3])
        XCTAssertEqual(try shape(.maxPool2D(poolSize: 3, stride: 1), [5, 4, 2]), [3, 2, 2])
    }

    /// TensorFlow's 'same' padding puts the odd pixel after: 4 wide, kernel 2, stride 2 pads nothing;
    /// 5 wide, kernel 3, stride 2 → 3 outputs, total padding 2, one each side; 6 wide, kernel 3,
    /// stride 2 → 3 outputs, total 1, all after.
    func testSamePaddingSplitsLikeTensorFlow() throws {
        let even = try XCTUnwrap(ConvGeometry(height: 6, width: 6, channels: 1, window: 3, stride: 2, padding: .same))
        XCTAssertEqual([even.outHeight, even.padTop, even.padLeft], [3, 0, 0])
        let odd = try XCTUnwrap(ConvGeometry(height: 5, width: 5, channels: 1, window: 3, stride: 2, padding: .same))
        XCTAssertEqual([odd.outHeight, odd.padTop, odd.padLeft], [3, 1, 1])
        let four = try XCTUnwrap(ConvGeometry(height: 4, width: 4, channels: 1, window: 4, stride: 1, padding: .same))
        XCTAssertEqual([four.outHeight, four.padTop, four.padLeft], [4, 1, 1])
    }

    /// A hand-worked convolution: a 3×3 image of 1…9, one 2×2 kernel [[1, 0], [0, −1]] (top-left
    /// minus bottom-right), bias 0.5, 'same' padding (zero row/column after), stride 1.
    func testConvolutionComputesTheHandWorkedExample() throws {
        let model = try Sequential(inputShape: [3, 3, 1], layers: [.conv2d(filters: 1, kernelSize: 2, padding: .same)],
                                   seed: 1)
        try model.setWeights([[1, 0, 0, -1], [0.5]])
        let output = try model.predict([1, 2, 3, 4, 5, 6, 7, 8, 9], count: 1)
        // x[i][j] − x[i+1][j+1] (0 outside) + 0.5
        XCTAssertEqual(output, [1 - 5, 2 - 6, 3, 4 - 8, 5 - 9, 6, 7, 8, 9].map { $0 + 0.5 })
    }

    func testMaxPoolingTakesEachWindowsLargestValuePerChannel() throws {
        let model = try Sequential(inputShape: [2, 4, 2], layers: [.maxPool2D(poolSize: 2)], seed: 1)
        // Channel 0 holds 0…7, channel 1 holds their negatives.
        let inputs = (0..<8).flatMap { [Float($0), -Float($0)] }
        XCTAssertEqual(try model.predict(inputs, count: 1), [5, 0, 7, -2])
    }

    func testDropoutScalesKeptValuesWhileTrainingAndPassesThroughAtEvaluation() {
        let layer = Dropout<Float>(shape: [1000], rate: 0.25, seed: 4)
        let input = [Float](repeating: 2, count: 1000)
        var output = [Float](repeating: 0, count: 1000)
        let mask = Buffer<Float>(count: 1000, filledWith: 0)
        layer.forward(input: input, output: &output, batch: 1, training: true, scratch: mask.pointer)
        let kept = output.filter { $0 != 0 }
        XCTAssertTrue(kept.allSatisfy { abs($0 - 2 / 0.75) < 1e-6 }, "kept values are scaled by 1/(1 − rate)")
        XCTAssertEqual(Double(kept.count) / 1000, 0.75, accuracy: 0.05)
        layer.forward(input: input, output: &output, batch: 1, training: false, scratch: mask.pointer)
        XCTAssertEqual(output, input)
    }

    func testEvaluationIgnoresDropoutAndUsesMovingStatistics() throws {
        let model = try Sequential(inputShape: [4], layers: [.batchNormalization, .dropout(rate: 0.5),
                                                             .dense(units: 2, activation: .softmax)], seed: 3)
        let data = floatExamples([[1, 2, 3, 4], [2, 3, 4, 5], [0, 1, 0, 1], [5, 4, 3, 2]], labels: [0, 1, 0, 1], classes: 2)
        _ = try model.fit(data, options: FitOptions(loss: .categoricalCrossentropy, epochs: 3, batchSize: 2), seed: 1)
        // Moving statistics after 6 steps moved from (0, 1) by momentum 0.99 — far from the batch's.
        let moving = model.network.weightSlots.filter { !$0.trainable }
        XCTAssertEqual(moving.map(\.name), ["moving_mean", "moving_variance"])
        let mean = Array(UnsafeBufferPointer(start: moving[0].pointer, count: 4))
        XCTAssertTrue(mean.allSatisfy { $0 > 0 && $0 < 0.3 }, "moving mean \(mean)")
        // predict: dropout off, y = γ(x − moving_mean)/√(moving_var + 1e-3) + β, so it is repeatable
        // and row-independent.
        let row: [Float] = [1, 2, 3, 4]
        let alone = try model.predict(row, count: 1)
        let twice = try model.predict(row + [9, 9, 9, 9], count: 2)
        XCTAssertEqual(alone, Array(twice.prefix(2)))
        XCTAssertEqual(try model.predict(row, count: 1), alone)
        let evaluation = try model.evaluate(data, loss: .categoricalCrossentropy)
        XCTAssertEqual(try model.evaluate(data, loss: .categoricalCrossentropy).loss, evaluation.loss)
    }

    func testBatchNormalizationMovesItsStatisticsWithMomentum() {
        let layer = BatchNormalization<Double>(shape: [2])
        let harness = LayerHarness(layer, batch: 3, seed: 1)
        let x: [Double] = [1, 10, 2, 20, 3, 60]
        _ = harness.forward(x, training: true)
        // mean (2, 30), biased variance (2/3, 1400/3): moving = 0.99·(0, 1) + 0.01·batch.
        assertClose(harness.state.array, [0.02, 0.3, 0.99 + 0.01 * 2 / 3, 0.99 + 0.01 * 1400 / 3], tolerance: 1e-12)
        let y = harness.forward(x, training: true)
        let gamma = harness.parameters.pointer[0], beta = harness.parameters.pointer[2]
        XCTAssertEqual(y[0], gamma * (1 - 2) / (2.0 / 3 + 1e-3).squareRoot() + beta, accuracy: 1e-12)
    }

    func testLeakyReluSlopes() throws {
        let standalone = try Sequential(inputShape: [2], layers: [.activation(.leakyRelu)], seed: 1)
        XCTAssertEqual(try standalone.predict([-10, 3], count: 1), [-3, 3])
        let custom = try Sequential(inputShape: [2], layers: [.activation(.leakyRelu, negativeSlope: 0.1)], seed: 1)
        XCTAssertEqual(try custom.predict([-10, 3], count: 1), [-1, 3])
        let dense = try Sequential(inputShape: [1], layers: [.dense(units: 1, activation: .leakyRelu)], seed: 1)
        try dense.setWeights([[1], [0]])
        XCTAssertEqual(try dense.predict([-10], count: 1), [-2], "activation=leaky_relu uses Keras' 0.2")
    }

    func testTrainingTheCNNWithDropoutIsDeterministic() throws {
        var generator = SeededGenerator(seed: 9)
        let count = 40
        let pixels = (0..<(count * 64)).map { _ in UInt8(generator.next(below: 256)) }
        let data = Examples(count: count, sampleShape: [8, 8, 1], features: .bytes(pixels, scale: 1 / 255),
                            targets: .oneHot(labels: (0..<count).map { Int32($0 % 3) }, classes: 3))
        let specs: [LayerSpec] = [.conv2d(filters: 4, kernelSize: 3, activation: .relu), .maxPool2D(poolSize: 2),
                                  .batchNormalization, .flatten, .dropout(rate: 0.5), .dense(units: 3, activation: .softmax)]
        let options = FitOptions(loss: .categoricalCrossentropy, epochs: 2, batchSize: 16, validationSplit: 0.25)
        func run(_ seed: UInt64) throws -> History {
            var history = try Sequential(inputShape: [8, 8, 1], layers: specs, seed: 5).fit(data, options: options, seed: seed)
            history.epochSeconds = []
            return history
        }
        XCTAssertEqual(try run(1), try run(1))
        XCTAssertNotEqual(try run(1), try run(2))
    }

    func testInitializersDrawKerasDistributions() {
        let fanIn = 300, fanOut = 200, count = fanIn * fanOut
        func draw(_ initializer: Initializer) -> [Double] {
            let buffer = Buffer<Double>(count: count, filledWith: 0)
            var generator = SeededGenerator(seed: 1)
            initializer.fill(buffer.pointer, count: count, fanIn: fanIn, fanOut: fanOut, using: &generator)
            return buffer.array
        }
        func deviation(_ values: [Double]) -> Double {
            let mean = values.reduce(0, +) / Double(values.count)
            return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
        }
        XCTAssertTrue(draw(.zeros).allSatisfy { $0 == 0 })
        let glorotLimit = (6.0 / 500).squareRoot(), heLimit = (6.0 / 300).squareRoot()
        for (initializer, limit) in [(Initializer.glorotUniform, glorotLimit), (.heUniform, heLimit)] {
            let values = draw(initializer)
            XCTAssertLessThanOrEqual(values.map(abs).max() ?? 0, limit)
            XCTAssertGreaterThan(values.map(abs).max() ?? 0, limit * 0.999)
            XCTAssertEqual(deviation(values), limit / 3.0.squareRoot(), accuracy: limit * 0.01, "\(initializer)")
        }
        for (initializer, sigma) in [(Initializer.glorotNormal, (2.0 / 500).squareRoot()), (.heNormal, (2.0 / 300).squareRoot())] {
            let values = draw(initializer)
            let cut = 2 * sigma / Initializer.truncatedDeviation
            XCTAssertLessThanOrEqual(values.map(abs).max() ?? 0, cut, "\(initializer) is truncated at 2σ′")
            XCTAssertEqual(deviation(values), sigma, accuracy: sigma * 0.01, "\(initializer)")
        }
    }

    func testConvolutionInitializerUsesKernelAreaInItsFans() throws {
        let model = try Sequential(inputShape: [10, 10, 4], layers: [
            .conv2d(filters: 8, kernelSize: 3, initializer: .heUniform)], seed: 1)
        let kernel = model.weights()[0]
        let limit = Float((6.0 / Double(3 * 3 * 4)).squareRoot())
        XCTAssertLessThanOrEqual(kernel.map(abs).max() ?? 0, limit)
        XCTAssertGreaterThan(kernel.map(abs).max() ?? 0, limit * 0.95)
        XCTAssertEqual(model.weights()[1], [Float](repeating: 0, count: 8))
    }

    func testBadLayerOptionsAreExplained() {
        func message(_ input: [Int], _ layers: [LayerSpec]) -> String {
            do {
                _ = try Sequential(inputShape: input, layers: layers, seed: 1)
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertTrue(message([784], [.conv2d(filters: 2, kernelSize: 3)]).contains("input=28x28x1"))
        XCTAssertTrue(message([28, 28], [.conv2d(filters: 2, kernelSize: 3)]).contains("input=28x28x1"))
        XCTAssertTrue(message([2, 2, 1], [.conv2d(filters: 2, kernelSize: 3)]).contains("padding=same"))
        XCTAssertTrue(message([4, 4, 1], [.conv2d(filters: 0, kernelSize: 3)]).contains("filter count"))
        XCTAssertTrue(message([4, 4, 1], [.conv2d(filters: 1, kernelSize: 3, stride: 0)]).contains("stride"))
        XCTAssertTrue(message([4, 4, 1], [.maxPool2D(poolSize: 5)]).contains("smaller pool size"))
        XCTAssertTrue(message([4], [.dropout(rate: 1)]).contains("up to but not including 1"))
        XCTAssertTrue(message([4], [.dropout(rate: .nan)]).contains("rate"))
        XCTAssertTrue(message([4], [.activation(.leakyRelu, negativeSlope: -1)]).contains("negative slope"))
        XCTAssertTrue(message([4, 4, 1], [.conv2d(filters: 1, kernelSize: 3), .dense(units: 2)])
                        .contains("add `flatten` before it"))
    }
}
