import XCTest
@testable import NeuralNet

/// `fit` as a notebook sees it: Keras' split, batching, reporting and determinism.
final class TrainingTests: XCTestCase {
    private let layers: [LayerSpec] = [.dense(units: 8, activation: .relu), .dense(units: 2, activation: .softmax)]

    private func options(epochs: Int = 3, batchSize: Int = 16, split: Double = 0.25,
                         optimizer: OptimizerSpec = .adam(learningRate: 0.05), shuffle: Bool = true) -> FitOptions {
        FitOptions(loss: .categoricalCrossentropy, optimizer: optimizer, epochs: epochs, batchSize: batchSize,
                   validationSplit: split, shuffle: shuffle)
    }

    func testATinyModelLearnsSeparableBlobs() throws {
        let data = blobs(count: 200, seed: 3)
        let model = try Sequential(inputShape: [2], layers: layers, seed: 42)
        let history = try model.fit(data, options: options(epochs: 5), seed: 42)
        XCTAssertEqual(history.loss.count, 5)
        XCTAssertLessThan(try XCTUnwrap(history.loss.last), history.loss[0] * 0.5)
        XCTAssertGreaterThan(try XCTUnwrap(history.accuracy.last), 0.95)
        XCTAssertGreaterThan(try XCTUnwrap(history.valAccuracy.last), 0.95)
        let evaluation = try model.evaluate(blobs(count: 100, seed: 4), loss: .categoricalCrossentropy)
        XCTAssertGreaterThan(evaluation.accuracy, 0.95)
        XCTAssertEqual(evaluation.predictedLabels.count, 100)
    }

    func testSameSeedsGiveIdenticalHistoriesAndWeights() throws {
        let data = blobs(count: 100, seed: 5)
        func train(fitSeed: UInt64) throws -> (History, [[Float]]) {
            let model = try Sequential(inputShape: [2], layers: layers, seed: 9)
            let history = try model.fit(data, options: options(), seed: fitSeed)
            return (history, model.weights())
        }
        let (first, firstWeights) = try train(fitSeed: 1)
        let (second, secondWeights) = try train(fitSeed: 1)
        XCTAssertEqual(first.loss, second.loss)
        XCTAssertEqual(first.accuracy, second.accuracy)
        XCTAssertEqual(first.valLoss, second.valLoss)
        XCTAssertEqual(first.valAccuracy, second.valAccuracy)
        XCTAssertEqual(firstWeights, secondWeights)
        let (other, _) = try train(fitSeed: 2)
        XCTAssertNotEqual(first.loss, other.loss, "a different shuffle seed shuffles differently")
    }

    func testModelSeedFixesGlorotInitialWeights() throws {
        let a = try Sequential(inputShape: [784], layers: [.dense(units: 10, activation: .relu)], seed: 42)
        let b = try Sequential(inputShape: [784], layers: [.dense(units: 10, activation: .relu)], seed: 42)
        let c = try Sequential(inputShape: [784], layers: [.dense(units: 10, activation: .relu)], seed: 43)
        XCTAssertEqual(a.weights(), b.weights())
        XCTAssertNotEqual(a.weights(), c.weights())
        let limit = Float((6.0 / Double(784 + 10)).squareRoot())
        let kernel = a.weights()[0]
        XCTAssertTrue(kernel.allSatisfy { abs($0) <= limit })
        XCTAssertGreaterThan(kernel.map(abs).max() ?? 0, limit * 0.95, "spread over the whole glorot range")
        XCTAssertEqual(a.weights()[1], [Float](repeating: 0, count: 10))
    }

    /// With a learning rate of 0 the weights never move, so the reported metrics must equal
    /// `evaluate` on exactly the rows Keras would use: the first floor(N·(1 − split)) rows for
    /// training (every one once per epoch, last partial batch included, batch means weighted by
    /// size) and the LAST rows for validation.
    func testValidationSplitTakesTheLastRowsAndTrainingMetricsCoverEveryTrainingRow() throws {
        // Class depends on the row's position, so the first and last rows are told apart.
        var rows: [[Float]] = []
        var labels: [Int32] = []
        for i in 0..<50 {
            rows.append([Float(i) / 10, 1])
            labels.append(i < 25 ? 0 : 1)
        }
        let data = floatExamples(rows, labels: labels, classes: 2)
        let model = try Sequential(inputShape: [2], layers: layers, seed: 1)
        let frozen = options(epochs: 2, batchSize: 7, split: 0.3, optimizer: .sgd(learningRate: 0, momentum: 0, nesterov: false))
        let history = try model.fit(data, options: frozen, seed: 3)

        // floor(50 · 0.7) = 35 training rows → 5 batches of 7; validation rows 35..<50.
        let training = try model.evaluate(data.slice(0..<35), loss: .categoricalCrossentropy)
        let validation = try model.evaluate(data.slice(35..<50), loss: .categoricalCrossentropy)
        let head = try model.evaluate(data.slice(0..<15), loss: .categoricalCrossentropy)
        XCTAssertEqual(history.loss, [training.loss, training.loss], accuracy: 1e-6)
        XCTAssertEqual(history.accuracy, [training.accuracy, training.accuracy], accuracy: 1e-12)
        XCTAssertEqual(history.valLoss, [validation.loss, validation.loss], accuracy: 1e-6)
        XCTAssertEqual(history.valAccuracy, [validation.accuracy, validation.accuracy], accuracy: 1e-12)
        XCTAssertGreaterThan(abs(validation.loss - head.loss), 1e-3, "the first rows would give another loss")
    }

    func testProgressEventsFollowKerasProgressBar() throws {
        let data = blobs(count: 30, seed: 8)
        let model = try Sequential(inputShape: [2], layers: layers, seed: 2)
        var events: [String] = []
        var lastRunningLoss = 0.0
        let history = try model.fit(data, options: options(epochs: 2, batchSize: 8, split: 0.2), seed: 1) { event in
            switch event {
            case .epochStarted(let epoch, let epochs, let steps): events.append("start \(epoch)/\(epochs) \(steps)")
            case .batchFinished(let epoch, let step, let steps, let loss, _, let elapsed):
                events.append("batch \(epoch) \(step)/\(steps)")
                lastRunningLoss = loss
                XCTAssertGreaterThanOrEqual(elapsed, 0)
            case .epochFinished(let summary):
                events.append("end \(summary.epoch)")
                XCTAssertEqual(summary.loss, lastRunningLoss, "the epoch loss is the last running mean")
                XCTAssertNotNil(summary.valLoss)
            }
        }
        // 24 training rows, batch 8 → 3 steps.
        XCTAssertEqual(events, ["start 1/2 3", "batch 1 1/3", "batch 1 2/3", "batch 1 3/3", "end 1",
                                "start 2/2 3", "batch 2 1/3", "batch 2 2/3", "batch 2 3/3", "end 2"])
        XCTAssertEqual(history.epochSeconds.count, 2)
    }

    func testNoValidationSplitLeavesValidationHistoryEmpty() throws {
        let model = try Sequential(inputShape: [2], layers: layers, seed: 2)
        let history = try model.fit(blobs(count: 20, seed: 1), options: options(epochs: 1, split: 0), seed: 1)
        XCTAssertEqual(history.loss.count, 1)
        XCTAssertEqual(history.valLoss, [])
        XCTAssertEqual(history.valAccuracy, [])
    }

    func testSummaryNamesAndCountsLikeKeras() throws {
        let model = try Sequential(inputShape: [784], layers: [
            .dense(units: 10, activation: .relu), .dense(units: 10, activation: .relu),
            .dense(units: 10, activation: .relu), .dense(units: 10, activation: .softmax)], seed: 42)
        XCTAssertEqual(model.parameterCount, 8180)
        XCTAssertEqual(model.outputShape, [10])
        XCTAssertEqual(model.summary, [
            LayerSummary(name: "dense", type: "Dense", outputShape: [10], parameters: 7850),
            LayerSummary(name: "dense_1", type: "Dense", outputShape: [10], parameters: 110),
            LayerSummary(name: "dense_2", type: "Dense", outputShape: [10], parameters: 110),
            LayerSummary(name: "dense_3", type: "Dense", outputShape: [10], parameters: 110),
        ])
    }

    func testPredictReturnsOneProbabilityRowPerSample() throws {
        let model = try Sequential(inputShape: [2], layers: layers, seed: 2)
        let outputs = try model.predict([0, 1, 2, 3, 4, 5], count: 3)
        XCTAssertEqual(outputs.count, 6)
        for row in 0..<3 { XCTAssertEqual(outputs[2 * row] + outputs[2 * row + 1], 1, accuracy: 1e-6) }
        XCTAssertEqual(try model.predict([], count: 0), [])
    }

    func testByteFeaturesAreWidenedWithTheirScale() throws {
        let bytes: [UInt8] = [0, 255, 128, 64]
        let asBytes = Examples(count: 2, sampleShape: [2], features: .bytes(bytes, scale: 1 / 255),
                               targets: .oneHot(labels: [0, 1], classes: 2))
        let asFloats = Examples(count: 2, sampleShape: [2], features: .floats(bytes.map { Float($0) * (1 / 255) }),
                                targets: .oneHot(labels: [0, 1], classes: 2))
        let model = try Sequential(inputShape: [2], layers: layers, seed: 2)
        let a = try model.evaluate(asBytes, loss: .categoricalCrossentropy)
        let b = try model.evaluate(asFloats, loss: .categoricalCrossentropy)
        XCTAssertEqual(a.loss, b.loss)
    }
}

private func XCTAssertEqual(_ actual: [Double], _ expected: [Double], accuracy: Double,
                            file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, file: file, line: line)
    for (a, e) in zip(actual, expected) { XCTAssertEqual(a, e, accuracy: accuracy, file: file, line: line) }
}
