import Limits
import XCTest
@testable import NeuralNet

/// Bad input throws a sentence a person can act on; nothing crashes.
final class ErrorTests: XCTestCase {
    private let softmax10: [LayerSpec] = [.dense(units: 10, activation: .softmax)]

    private func assertThrows<T>(_ expression: @autoclosure () throws -> T, _ expected: NeuralNetError,
                                 mentions phrases: [String] = [], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try expression(), file: file, line: line) { error in
            XCTAssertEqual(error as? NeuralNetError, expected, file: file, line: line)
            let text = String(describing: error)
            for phrase in phrases {
                XCTAssertTrue(text.contains(phrase), "“\(text)” should mention “\(phrase)”", file: file, line: line)
            }
        }
    }

    private func images(count: Int, shape: [Int], targets: Examples.Targets) -> Examples {
        Examples(count: count, sampleShape: shape,
                 features: .bytes([UInt8](repeating: 7, count: count * shape.reduce(1, *)), scale: 1 / 255),
                 targets: targets)
    }

    func testHugeModelIsRefusedBeforeAllocating() {
        XCTAssertThrowsError(try Sequential(inputShape: [784], layers: [.dense(units: 100_000_000, activation: .relu)], seed: 1)) { error in
            guard case .modelTooLarge(_, let needed, _, _)? = error as? MemoryBudgetError else {
                return XCTFail("expected modelTooLarge, got \(error)")
            }
            XCTAssertEqual(needed, (784 * 100_000_000 + 100_000_000) * 16)
            XCTAssertTrue(String(describing: error).contains("fewer units"))
        }
    }

    func testParameterCountOverflowIsRefusedNotTrapped() {
        let wide = Int(Int32.max)
        XCTAssertThrowsError(try Sequential(inputShape: [wide], layers: [
            .dense(units: wide, activation: .relu), .dense(units: wide, activation: .relu)], seed: 1)) { error in
            guard case .modelTooLarge? = error as? MemoryBudgetError else { return XCTFail("got \(error)") }
        }
    }

    func testInvalidArchitectures() {
        assertThrows(try Sequential(inputShape: [784], layers: [], seed: 1), .noLayers)
        assertThrows(try Sequential(inputShape: [784], layers: [.dense(units: 0, activation: .relu)], seed: 1),
                     .invalidUnits(layer: 1, units: 0))
        assertThrows(try Sequential(inputShape: [], layers: softmax10, seed: 1), .invalidInputShape([]))
        assertThrows(try Sequential(inputShape: [28, -1], layers: softmax10, seed: 1), .invalidInputShape([28, -1]))
        assertThrows(try Sequential(inputShape: [28, 28], layers: softmax10, seed: 1),
                     .denseNeedsFlatInput(layer: 1, inputShape: [28, 28]), mentions: ["flatten: true", "input=784"])
    }

    func testUnflattenedDataGetsTheFlattenHint() throws {
        let model = try Sequential(inputShape: [784], layers: softmax10, seed: 1)
        let data = images(count: 2, shape: [28, 28], targets: .oneHot(labels: [1, 2], classes: 10))
        assertThrows(try model.fit(data, options: FitOptions(loss: .categoricalCrossentropy), seed: 1),
                     .shapeMismatch(data: [28, 28], model: [784]), mentions: ["[28, 28]", "[784]", "add `flatten: true` to preprocess"])
        assertThrows(try model.evaluate(data, loss: .categoricalCrossentropy), .shapeMismatch(data: [28, 28], model: [784]))
    }

    func testTargetsMustFitTheLossAndTheOutput() throws {
        let model = try Sequential(inputShape: [4], layers: softmax10, seed: 1)
        let options = FitOptions(loss: .categoricalCrossentropy)
        assertThrows(try model.fit(images(count: 2, shape: [4], targets: .labels([1, 2])), options: options, seed: 1),
                     .targetsNeedOneHot(loss: .categoricalCrossentropy, outputUnits: 10), mentions: ["add `one_hot: 10` to preprocess"])
        assertThrows(try model.fit(images(count: 2, shape: [4], targets: .oneHot(labels: [1, 2], classes: 3)),
                                   options: options, seed: 1),
                     .targetWidthMismatch(loss: .categoricalCrossentropy, targetWidth: 3, outputUnits: 10),
                     mentions: ["make the last layer dense 3 softmax", "one_hot: 10"])
        assertThrows(try model.fit(images(count: 3, shape: [4], targets: .oneHot(labels: [1, 10, 2], classes: 10)),
                                   options: options, seed: 1),
                     .labelOutOfRange(sample: 1, label: 10, classes: 10))
        assertThrows(try model.evaluate(images(count: 1, shape: [4], targets: .oneHot(labels: [-1], classes: 10)),
                                        loss: .categoricalCrossentropy),
                     .labelOutOfRange(sample: 0, label: -1, classes: 10))
    }

    func testBadDataAndOptions() throws {
        let model = try Sequential(inputShape: [4], layers: softmax10, seed: 1)
        let data = images(count: 5, shape: [4], targets: .oneHot(labels: [1, 2, 3, 4, 5], classes: 10))
        func fit(_ options: FitOptions, _ data: Examples) throws { _ = try model.fit(data, options: options, seed: 1) }
        var options = FitOptions(loss: .categoricalCrossentropy)
        assertThrows(try fit(options, images(count: 0, shape: [4], targets: .oneHot(labels: [], classes: 10))), .emptyData)
        options.batchSize = 0
        assertThrows(try fit(options, data), .invalidBatchSize(0), mentions: ["positive"])
        options.batchSize = 32
        options.epochs = -1
        assertThrows(try fit(options, data), .invalidEpochs(-1))
        options.epochs = 1
        options.validationSplit = 1
        assertThrows(try fit(options, data), .invalidValidationSplit(1))
        options.validationSplit = .nan
        XCTAssertThrowsError(try fit(options, data))
        options.validationSplit = 0.9   // floor(5 · 0.1) = 0 training rows
        assertThrows(try fit(options, data), .validationSplitLeavesNoRows(split: 0.9, count: 5, trainingRows: 0), mentions: ["no training rows"])
        options.validationSplit = 0.1   // floor(5 · 0.9) = 4 training rows, 1 validation row: fine
        XCTAssertNoThrow(try fit(options, data))
        options.validationSplit = 0.01  // floor(5 · 0.99) = 4 too
        XCTAssertNoThrow(try fit(options, data))
        options.optimizer = .adam(learningRate: -1)
        XCTAssertThrowsError(try fit(options, data)) { XCTAssertTrue(String(describing: $0).contains("learning_rate")) }
        options.optimizer = .sgd(learningRate: 0.1, momentum: 2, nesterov: false)
        XCTAssertThrowsError(try fit(options, data)) { XCTAssertTrue(String(describing: $0).contains("momentum")) }
        let short = Examples(count: 5, sampleShape: [4], features: .bytes([1, 2, 3], scale: 1),
                             targets: .oneHot(labels: [1, 2, 3, 4, 5], classes: 10))
        XCTAssertThrowsError(try fit(FitOptions(loss: .categoricalCrossentropy), short)) { error in
            guard case .inconsistentData? = error as? NeuralNetError else { return XCTFail("got \(error)") }
        }
    }

    func testExplodingLossNamesEpochAndBatch() throws {
        // Unscaled pixels and an absurd learning rate: the weights overflow and the loss turns NaN.
        var bytes: [UInt8] = []
        var labels: [Int32] = []
        for i in 0..<64 {
            bytes += (0..<16).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ i &* 11) }
            labels.append(Int32(i % 4))
        }
        let data = Examples(count: 64, sampleShape: [16], features: .bytes(bytes, scale: 1),
                            targets: .oneHot(labels: labels, classes: 4))
        let model = try Sequential(inputShape: [16], layers: [.dense(units: 8, activation: .relu),
                                                              .dense(units: 4, activation: .softmax)], seed: 1)
        let options = FitOptions(loss: .categoricalCrossentropy, optimizer: .sgd(learningRate: 1e30, momentum: 0, nesterov: false),
                                 epochs: 3, batchSize: 8)
        XCTAssertThrowsError(try model.fit(data, options: options, seed: 1)) { error in
            guard case .nonFiniteLoss(let epoch, let batch, _, let learningRate)? = error as? NeuralNetError else {
                return XCTFail("expected nonFiniteLoss, got \(error)")
            }
            XCTAssertEqual(learningRate, 1e30)
            let text = String(describing: error)
            XCTAssertTrue(text.contains("epoch \(epoch), batch \(batch)"), text)
            XCTAssertTrue(text.contains("lower learning_rate") && text.contains("scale: 255"), text)
        }
    }

    func testPredictAndSetWeightsCheckSizes() throws {
        let model = try Sequential(inputShape: [4], layers: softmax10, seed: 1)
        assertThrows(try model.predict([1, 2, 3], count: 1), .inputSizeMismatch(expected: 4, got: 3))
        XCTAssertThrowsError(try model.predict([1, 2, 3, 4], count: -1))
        XCTAssertThrowsError(try model.predict([], count: Int.max))
        XCTAssertThrowsError(try model.setWeights([[1]])) { XCTAssertTrue(String(describing: $0).contains("2 weight arrays")) }
        XCTAssertThrowsError(try model.setWeights([[1], [2]]))
    }

    func testEveryErrorReadsAsASentence() {
        let errors: [NeuralNetError] = [
            .noLayers, .invalidInputShape([0]), .invalidUnits(layer: 2, units: -3), .denseNeedsFlatInput(layer: 1, inputShape: [2, 2]),
            .shapeMismatch(data: [3], model: [4]),
            .targetsNeedOneHot(loss: .categoricalCrossentropy, outputUnits: 10),
            .targetWidthMismatch(loss: .categoricalCrossentropy, targetWidth: 3, outputUnits: 10),
            .labelOutOfRange(sample: 0, label: 12, classes: 10), .emptyData, .inconsistentData("x"), .invalidBatchSize(0),
            .invalidEpochs(-1), .invalidValidationSplit(2), .validationSplitLeavesNoRows(split: 0.5, count: 1, trainingRows: 0),
            .invalidOptimizer("x"), .nonFiniteLoss(epoch: 1, batch: 2, isNaN: true, learningRate: 0.1),
            .inputSizeMismatch(expected: 1, got: 2), .invalidWeights("x"),
        ]
        for error in errors {
            let text = error.description
            XCTAssertTrue(text.first?.isUppercase ?? false, text)
            XCTAssertTrue(text.hasSuffix(".") || text.hasSuffix("preprocess."), text)
            XCTAssertTrue(text.contains(":"), "says what to do after a colon: \(text)")
        }
    }
}
