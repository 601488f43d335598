import XCTest
@testable import NeuralNet

/// Keras' fixture (keras-parity.json) read through the integer-label loss and through AdamW with no
/// decay: Keras computes both exactly as categorical cross-entropy and Adam.
final class KerasParityLossTests: XCTestCase {
    private func sparseExamples(_ fixture: KerasParityFixture) -> Examples {
        var examples = fixture.examples
        examples.targets = .labels(fixture.labels)
        return examples
    }

    func testSparseCategoricalCrossentropyReproducesKerasLossAndGradients() throws {
        let fixture = try KerasParityFixture.load()
        let model = try fixture.model()
        let evaluation = try model.evaluate(sparseExamples(fixture), loss: .sparseCategoricalCrossentropy)
        XCTAssertEqual(evaluation.loss, fixture.loss, accuracy: 1e-5)

        let network = model.network
        let workspace = Workspace(network: network, capacity: fixture.x.count, training: true)
        BatchReader(sparseExamples(fixture)).load(start: 0, count: fixture.x.count, order: nil, into: workspace.batch)
        network.forward(batch: fixture.x.count, workspace: workspace, training: true)
        network.backward(loss: .sparseCategoricalCrossentropy, batch: fixture.x.count, workspace: workspace)
        let gradients = network.gradients.array
        var offset = 0
        for (index, expected) in fixture.gradients.enumerated() {
            assertClose(Array(gradients[offset..<(offset + expected.count)]), expected, tolerance: 1e-5, "gradient array \(index)")
            offset += expected.count
        }
    }

    func testSparseLossReproducesEveryOptimizerRun() throws {
        let fixture = try KerasParityFixture.load()
        let cases: [(String, OptimizerSpec)] = [
            ("adam_default_3_steps", .defaultAdam),
            ("adam_lr0.01_3_steps", .adam(learningRate: 0.01)),
            ("adam_default_3_steps", .adamw(learningRate: 0.001, weightDecay: 0)),
            ("adam_lr0.01_3_steps", .adamw(learningRate: 0.01, weightDecay: 0)),
            ("sgd_lr0.1_momentum0.9_3_steps", .sgd(learningRate: 0.1, momentum: 0.9, nesterov: false)),
            ("sgd_lr0.1_nesterov_3_steps", .sgd(learningRate: 0.1, momentum: 0.9, nesterov: true)),
            ("rmsprop_default_3_steps", .defaultRMSprop),
        ]
        XCTAssertEqual(Set(cases.map(\.0)), Set(fixture.runs.keys), "every run in the fixture is covered")
        for (name, optimizer) in cases {
            let expected = try XCTUnwrap(fixture.runs[name], name)
            let model = try fixture.model()
            let options = FitOptions(loss: .sparseCategoricalCrossentropy, optimizer: optimizer, epochs: 3,
                                     batchSize: fixture.x.count, shuffle: false)
            let history = try model.fit(sparseExamples(fixture), options: options, seed: 0)
            assertClose(history.loss, expected.losses, tolerance: 1e-5, "\(name) \(optimizer) losses")
            for (index, (actual, wanted)) in zip(model.weights(), expected.weights).enumerated() {
                assertClose(actual, wanted, tolerance: 1e-5, "\(name) \(optimizer) weights \(index)")
            }
        }
    }
}
