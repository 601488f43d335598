import XCTest
@testable import NeuralNet

/// Finite-difference checks of every backward rule, run in Double through the same generic kernels
/// and layers that train in Float.
final class GradientCheckTests: XCTestCase {
    private let batch = 3, inputs = 4, units = 5
    private let step = 1e-6

    /// A Dense<Double> bound to fresh parameter/gradient storage, initialized from `seed`, with
    /// biases made non-zero so their gradient matters.
    private func makeDense(_ activation: Activation, seed: UInt64) -> (Dense<Double>, Buffer<Double>, Buffer<Double>) {
        let dense = Dense<Double>(inputs: inputs, units: units, activation: activation)
        let parameters = Buffer<Double>(count: dense.parameterCount, filledWith: 0)
        let gradients = Buffer<Double>(count: dense.parameterCount, filledWith: 0)
        dense.bind(parameters: parameters.pointer, gradients: gradients.pointer, state: parameters.pointer)
        var generator = SeededGenerator(seed: seed)
        dense.initialize(using: &generator)
        for i in (inputs * units)..<dense.parameterCount { parameters.pointer[i] = generator.nextUnit() - 0.5 }
        return (dense, parameters, gradients)
    }

    private func randomValues(_ count: Int, seed: UInt64, scale: Double = 2) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in (generator.nextUnit() - 0.5) * scale }
    }

    /// L = Σ weights ⊙ dense(x): a loss whose ∂L/∂y is `weights`.
    private func projectedLoss(_ dense: Dense<Double>, x: [Double], weights: [Double]) -> Double {
        var y = [Double](repeating: 0, count: batch * units)
        x.withUnsafeBufferPointer { input in
            y.withUnsafeMutableBufferPointer { output in
                guard let input = input.baseAddress, let output = output.baseAddress else { return }
                dense.forward(input: input, output: output, batch: batch, training: true, scratch: output)
            }
        }
        return zip(y, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    func testDenseGradientsMatchFiniteDifferencesForEveryActivation() {
        for activation in Activation.allCases {
            let (dense, parameters, gradients) = makeDense(activation, seed: 7)
            var x = randomValues(batch * inputs, seed: 11)
            let weights = randomValues(batch * units, seed: 13)

            // Analytic: forward, then backward from ∂L/∂y = weights.
            var y = [Double](repeating: 0, count: batch * units)
            var dy = weights
            var dx = [Double](repeating: 0, count: batch * inputs)
            x.withUnsafeBufferPointer { input in
                y.withUnsafeMutableBufferPointer { output in
                    dy.withUnsafeMutableBufferPointer { outputGradient in
                        dx.withUnsafeMutableBufferPointer { inputGradient in
                            guard let input = input.baseAddress, let output = output.baseAddress,
                                  let outputGradient = outputGradient.baseAddress else { return }
                            dense.forward(input: input, output: output, batch: batch, training: true, scratch: output)
                            dense.backward(input: input, output: output, outputGradient: outputGradient,
                                           inputGradient: inputGradient.baseAddress, batch: batch,
                                           scratch: output, temporary: output)
                        }
                    }
                }
            }

            for i in 0..<dense.parameterCount {
                let saved = parameters.pointer[i]
                parameters.pointer[i] = saved + step
                let up = projectedLoss(dense, x: x, weights: weights)
                parameters.pointer[i] = saved - step
                let down = projectedLoss(dense, x: x, weights: weights)
                parameters.pointer[i] = saved
                let what = i < inputs * units ? "kernel[\(i)]" : "bias[\(i - inputs * units)]"
                XCTAssertEqual(gradients.pointer[i], (up - down) / (2 * step), accuracy: 1e-7, "\(activation) \(what)")
            }
            for i in 0..<x.count {
                let saved = x[i]
                x[i] = saved + step
                let up = projectedLoss(dense, x: x, weights: weights)
                x[i] = saved - step
                let down = projectedLoss(dense, x: x, weights: weights)
                x[i] = saved
                XCTAssertEqual(dx[i], (up - down) / (2 * step), accuracy: 1e-7, "\(activation) input[\(i)]")
            }
        }
    }

    /// A two-layer Double network ending in `last`, trained on categorical cross-entropy.
    private func checkCrossEntropyGradients(last: Activation, file: StaticString = #filePath, line: UInt = #line) throws {
        let classes = 3
        let plan: (nodes: [LayerNode<Double>], parameterCount: Int?) = try NetworkPlan.layers(
            inputShape: [inputs], specs: [.dense(units: units, activation: .tanh), .dense(units: classes, activation: last)])
        let network = Network<Double>(nodes: plan.nodes, inputSize: inputs,
                                      parameterCount: try XCTUnwrap(plan.parameterCount), seed: 5)
        let workspace = Workspace(network: network, capacity: batch, training: true)
        let x = randomValues(batch * inputs, seed: 17)
        workspace.batch.input.pointer.update(from: x, count: x.count)
        let labels: [Int32] = [2, 0, 1]
        workspace.batch.labels.pointer.update(from: labels, count: labels.count)

        func meanLoss() -> Double {
            let probabilities = network.forward(batch: batch, workspace: workspace)
            return CrossEntropyKernels.lossAndHits(probabilities: probabilities, labels: workspace.batch.labels.pointer,
                                                   batch: batch, classes: classes).lossSum / Double(batch)
        }
        _ = meanLoss()
        network.backwardCrossEntropy(batch: batch, workspace: workspace)
        let analytic = network.gradients.array
        XCTAssertTrue(analytic.contains { abs($0) > 1e-3 }, "gradients are not trivially zero", file: file, line: line)
        assertParameterGradientsMatchFiniteDifferences(of: network, analytic: analytic, "\(last)", file: file, line: line,
                                                       loss: meanLoss)
    }

    func testFusedSoftmaxCrossEntropyGradientMatchesFiniteDifferences() throws {
        try checkCrossEntropyGradients(last: .softmax)
    }

    func testCrossEntropyOnNonSoftmaxOutputMatchesFiniteDifferences() throws {
        try checkCrossEntropyGradients(last: .sigmoid)
    }

    func testCrossEntropyLossClipsLikeKeras() {
        // Row 0: the labelled probability is 0 → clipped to 1e-7. Row 1: 1 → clipped to 1 − 1e-7.
        // Row 2: unnormalized (sums to 2) → divided by the row sum first.
        let probabilities: [Double] = [1, 0, 0,  0, 1, 0,  0.5, 1, 0.5]
        let labels: [Int32] = [1, 1, 0]
        var predicted = [Int32](repeating: -1, count: 3)
        let result = predicted.withUnsafeMutableBufferPointer {
            CrossEntropyKernels.lossAndHits(probabilities: probabilities, labels: labels, batch: 3, classes: 3,
                                            predicted: $0.baseAddress)
        }
        XCTAssertEqual(result.lossSum, -log(1e-7) - log(1 - 1e-7) - log(0.25), accuracy: 1e-9)
        XCTAssertEqual(result.hits, 1)
        XCTAssertEqual(predicted, [0, 1, 1])
    }
}
