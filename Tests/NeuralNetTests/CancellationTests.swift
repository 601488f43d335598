import Limits
import XCTest
@testable import NeuralNet

/// `fit`, `evaluate` and `predict` stop at the end of a batch once their `Cancellation` is asked
/// for, leaving what Keras leaves on Ctrl-C: the last batch's weights and the finished epochs.
final class EngineCancellationTests: XCTestCase {
    private let layers: [LayerSpec] = [.dense(units: 8, activation: .relu), .dense(units: 2, activation: .softmax)]

    private func options(epochs: Int) -> FitOptions {
        FitOptions(loss: .categoricalCrossentropy, optimizer: .adam(learningRate: 0.05), epochs: epochs, batchSize: 16,
                   validationSplit: 0.25, shuffle: true)
    }

    /// Stopped right after the last batch of epoch 2 (150 training rows: 10 steps), the weights are
    /// those of an uninterrupted 2-epoch fit, bit for bit, and the history holds epoch 1 only.
    func testAStoppedFitKeepsTheLastBatchsWeightsAndTheFinishedEpochs() throws {
        let data = blobs(count: 200, seed: 5)
        let full = try Sequential(inputShape: [2], layers: layers, seed: 9)
        let fullHistory = try full.fit(data, options: options(epochs: 2), seed: 1)

        let stopped = try Sequential(inputShape: [2], layers: layers, seed: 9)
        let cancellation = Cancellation()
        var caught: FitStopped?
        do {
            _ = try stopped.fit(data, options: options(epochs: 100), seed: 1, cancellation: cancellation) { event in
                if case .batchFinished(2, 10, 10, _, _, _) = event { cancellation.cancel(.interrupt) }
            }
        } catch let stop as FitStopped {
            caught = stop
        }
        let stop = try XCTUnwrap(caught, "the fit throws FitStopped")
        XCTAssertEqual(stop.reason, .interrupt)
        XCTAssertEqual(stop.epoch, 2)
        XCTAssertEqual(stop.epochs, 100)
        XCTAssertEqual(stop.step, 10)
        XCTAssertEqual(stop.steps, 10)
        XCTAssertEqual(stop.history.loss, [fullHistory.loss[0]])
        XCTAssertEqual(stop.history.valAccuracy, [fullHistory.valAccuracy[0]])
        XCTAssertEqual(stopped.weights(), full.weights())
    }

    func testAFitStoppedInItsFirstEpochHasAnEmptyHistory() throws {
        let model = try Sequential(inputShape: [2], layers: layers, seed: 9)
        let cancellation = Cancellation()
        cancellation.cancel(.terminate)
        XCTAssertThrowsError(try model.fit(blobs(count: 200, seed: 5), options: options(epochs: 3), seed: 1,
                                           cancellation: cancellation)) { error in
            XCTAssertEqual(error as? FitStopped, FitStopped(reason: .terminate, history: History(), epoch: 1, epochs: 3,
                                                             step: 1, steps: 10))
        }
    }

    func testEvaluateAndPredictStopAfterTheirFirstChunk() throws {
        let model = try Sequential(inputShape: [2], layers: layers, seed: 9)
        let cancellation = Cancellation()
        cancellation.cancel(.superseded)
        XCTAssertThrowsError(try model.evaluate(blobs(count: 1200, seed: 4), loss: .categoricalCrossentropy,
                                                cancellation: cancellation)) { error in
            XCTAssertEqual(error as? Cancelled, Cancelled(reason: .superseded))
        }
        XCTAssertThrowsError(try model.predict([Float](repeating: 0.5, count: 2 * 1200), count: 1200,
                                               cancellation: cancellation)) { error in
            XCTAssertEqual(error as? Cancelled, Cancelled(reason: .superseded))
        }
        XCTAssertEqual(try model.predict([0.5, 0.5], count: 1, cancellation: Cancellation()).count, 2,
                       "a cancellation nobody asked for changes nothing")
    }
}
