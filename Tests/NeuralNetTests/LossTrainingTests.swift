import XCTest
@testable import NeuralNet

/// Every loss trains a small model end to end through `fit` and `evaluate`.
final class LossTrainingTests: XCTestCase {
    private func train(_ loss: Loss, last: LayerSpec, targets: (Examples) -> Examples.Targets,
                       file: StaticString = #filePath, line: UInt = #line) throws -> Evaluation {
        var data = blobs(count: 200, seed: 4)
        data.targets = targets(data)
        let model = try Sequential(inputShape: [2], layers: [.dense(units: 8, activation: .relu), last], seed: 3)
        let options = FitOptions(loss: loss, optimizer: .adam(learningRate: 0.01), epochs: 15, batchSize: 20,
                                 validationSplit: 0.1)
        let history = try model.fit(data, options: options, seed: 5)
        let first = try XCTUnwrap(history.loss.first), final = try XCTUnwrap(history.loss.last)
        XCTAssertLessThan(final, first / 2, "\(loss) loss falls", file: file, line: line)
        let evaluation = try model.evaluate(data, loss: loss)
        XCTAssertGreaterThan(evaluation.accuracy, 0.95, "\(loss) accuracy", file: file, line: line)
        XCTAssertTrue(evaluation.loss.isFinite)
        return evaluation
    }

    func testSparseCategoricalCrossentropyTrainsOnPlainLabels() throws {
        _ = try train(.sparseCategoricalCrossentropy, last: .dense(units: 2, activation: .softmax),
                      targets: { .labels($0.labels) })
    }

    func testBinaryCrossentropyTrainsOneSigmoidOutput() throws {
        let evaluation = try train(.binaryCrossentropy, last: .dense(units: 1, activation: .sigmoid),
                                   targets: { .labels($0.labels) })
        XCTAssertEqual(Set(evaluation.predictedLabels), [0, 1], "width 1 predicts by the 0.5 threshold")
    }

    func testBinaryCrossentropyTrainsOneHotSigmoidOutputs() throws {
        _ = try train(.binaryCrossentropy, last: .dense(units: 2, activation: .sigmoid),
                      targets: { .oneHot(labels: $0.labels, classes: 2) })
    }

    func testMeanSquaredErrorTrainsAgainstOneHotRows() throws {
        _ = try train(.meanSquaredError, last: .dense(units: 2, activation: .softmax),
                      targets: { .oneHot(labels: $0.labels, classes: 2) })
    }

    func testMeanSquaredErrorTrainsAgainstLabelValues() throws {
        _ = try train(.meanSquaredError, last: .dense(units: 1, activation: .linear), targets: { .labels($0.labels) })
    }

    func testFitRefusesOneHotTargetsForSparse() throws {
        let model = try Sequential(inputShape: [2], layers: [.dense(units: 2, activation: .softmax)], seed: 1)
        XCTAssertThrowsError(try model.fit(blobs(count: 10, seed: 1), options: FitOptions(loss: .sparseCategoricalCrossentropy),
                                           seed: 1)) { error in
            XCTAssertTrue(String(describing: error).contains("use categorical_crossentropy"), "\(error)")
        }
    }
}
