import XCTest
@testable import NeuralNet

/// Reproduces Keras 3.15.1's numbers for Dense(4→6 relu) → Dense(6→3 softmax) on one batch of 5.
final class KerasParityTests: XCTestCase {
    func testForwardProbabilitiesAndLossMatchKeras() throws {
        let fixture = try KerasParityFixture.load()
        let model = try fixture.model()
        let probabilities = try model.predict(fixture.x.flatMap { $0 }, count: fixture.x.count)
        assertClose(probabilities, fixture.probabilities, tolerance: 1e-5, "probabilities")
        let evaluation = try model.evaluate(fixture.examples, loss: .categoricalCrossentropy)
        XCTAssertEqual(evaluation.loss, fixture.loss, accuracy: 1e-5)
    }

    func testGradientsMatchKeras() throws {
        let fixture = try KerasParityFixture.load()
        let model = try fixture.model()
        let network = model.network
        let workspace = Workspace(network: network, capacity: fixture.x.count, training: true)
        BatchReader(fixture.examples).load(start: 0, count: fixture.x.count, order: nil, into: workspace.batch)
        network.forward(batch: fixture.x.count, workspace: workspace)
        network.backwardCrossEntropy(batch: fixture.x.count, workspace: workspace)
        let gradients = network.gradients.array
        var offset = 0
        for (index, expected) in fixture.gradients.enumerated() {
            assertClose(Array(gradients[offset..<(offset + expected.count)]), expected, tolerance: 1e-5,
                        "gradient array \(index)")
            offset += expected.count
        }
    }

    func testThreeStepsOfEachOptimizerMatchKeras() throws {
        let fixture = try KerasParityFixture.load()
        let cases: [(String, OptimizerSpec)] = [
            ("adam_default_3_steps", .defaultAdam),
            ("adam_lr0.01_3_steps", .adam(learningRate: 0.01)),
            ("sgd_lr0.1_momentum0.9_3_steps", .sgd(learningRate: 0.1, momentum: 0.9, nesterov: false)),
            ("sgd_lr0.1_nesterov_3_steps", .sgd(learningRate: 0.1, momentum: 0.9, nesterov: true)),
            ("rmsprop_default_3_steps", .defaultRMSprop),
        ]
        for (name, optimizer) in cases {
            let expected = try XCTUnwrap(fixture.runs[name], name)
            let model = try fixture.model()
            let options = FitOptions(loss: .categoricalCrossentropy, optimizer: optimizer, epochs: 3,
                                     batchSize: fixture.x.count, shuffle: false)
            let history = try model.fit(fixture.examples, options: options, seed: 0)
            assertClose(history.loss, expected.losses, tolerance: 1e-5, "\(name) losses")
            for (index, (actual, wanted)) in zip(model.weights(), expected.weights).enumerated() {
                assertClose(actual, wanted, tolerance: 1e-5, "\(name) weights \(index)")
            }
        }
    }
}
