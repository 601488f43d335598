import XCTest
@testable import NeuralNet

/// Finite-difference checks, in Double, of every loss's gradient — on its own (∂loss/∂output) and
/// through a two-layer network ending in each usual final activation (fused softmax path included).
final class LossGradientCheckTests: XCTestCase {
    private let batch = 3, inputs = 4, hidden = 5
    private let step = 1e-6

    private func randomValues(_ count: Int, seed: UInt64, low: Double, high: Double) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in low + (high - low) * generator.nextUnit() }
    }

    /// Labels for `width` outputs under `loss`: classes for width > 1, 0/1 for binary width 1,
    /// label values for mean squared error of width 1.
    private func labels(_ loss: Loss, width: Int) -> [Int32] {
        if width > 1 { return [2, 0, 1] }
        return loss == .meanSquaredError ? [2, 0, 1] : [1, 0, 1]
    }

    private func meanLoss(_ loss: Loss, _ outputs: [Double], _ labels: [Int32], width: Int) -> Double {
        LossKernels.measure(loss, outputs: outputs, labels: labels, batch: batch, width: width).lossSum / Double(batch)
    }

    func testEachLossGradientWithRespectToTheOutputsMatchesFiniteDifferences() {
        for loss in Loss.allCases {
            for width in [1, 3] where !(width == 1 && loss.fusesWithSoftmax) {
                let labels = labels(loss, width: width)
                var outputs = randomValues(batch * width, seed: 21, low: 0.1, high: 0.9)
                var analytic = [Double](repeating: .nan, count: outputs.count)
                LossKernels.outputGradient(loss, outputs: outputs, labels: labels, batch: batch, width: width,
                                           gradient: &analytic)
                XCTAssertTrue(analytic.contains { abs($0) > 1e-2 }, "\(loss) width \(width): non-trivial gradient")
                for i in 0..<outputs.count {
                    let saved = outputs[i]
                    outputs[i] = saved + step
                    let up = meanLoss(loss, outputs, labels, width: width)
                    outputs[i] = saved - step
                    let down = meanLoss(loss, outputs, labels, width: width)
                    outputs[i] = saved
                    XCTAssertEqual(analytic[i], (up - down) / (2 * step), accuracy: 1e-7, "\(loss) width \(width) output \(i)")
                }
            }
        }
    }

    /// dense(hidden, tanh) → dense(width, last) in Double; checks every parameter's gradient of the
    /// mean `loss` against central differences.
    private func checkNetwork(_ loss: Loss, last: Activation, width: Int,
                              file: StaticString = #filePath, line: UInt = #line) throws {
        let plan: (nodes: [LayerNode<Double>], parameterCount: Int?) = try NetworkPlan.layers(
            inputShape: [inputs], specs: [.dense(units: hidden, activation: .tanh), .dense(units: width, activation: last)])
        let network = Network<Double>(nodes: plan.nodes, inputSize: inputs,
                                      parameterCount: try XCTUnwrap(plan.parameterCount), seed: 5)
        // Non-zero biases so their gradients matter.
        for slot in network.weightSlots where slot.name == "bias" {
            for i in 0..<slot.count { slot.pointer[i] = 0.3 - 0.2 * Double(i % 3) }
        }
        let workspace = Workspace(network: network, capacity: batch, training: true)
        let x = randomValues(batch * inputs, seed: 17, low: -1, high: 1)
        workspace.batch.input.pointer.update(from: x, count: x.count)
        let labels = labels(loss, width: width)
        workspace.batch.labels.pointer.update(from: labels, count: labels.count)

        func currentLoss() -> Double {
            let outputs = network.forward(batch: batch, workspace: workspace, training: true)
            return LossKernels.measure(loss, outputs: outputs, labels: workspace.batch.labels.pointer, batch: batch,
                                       width: width).lossSum / Double(batch)
        }
        _ = currentLoss()
        network.backward(loss: loss, batch: batch, workspace: workspace)
        let analytic = network.gradients.array
        let what = "\(loss.rawValue) over \(last) width \(width)"
        XCTAssertTrue(analytic.contains { abs($0) > 1e-3 }, "\(what): gradients are not trivially zero", file: file, line: line)
        assertParameterGradientsMatchFiniteDifferences(of: network, analytic: analytic, what, file: file, line: line,
                                                       loss: currentLoss)
    }

    func testCategoricalCrossentropyGradients() throws {
        try checkNetwork(.categoricalCrossentropy, last: .softmax, width: 3)
        try checkNetwork(.categoricalCrossentropy, last: .sigmoid, width: 3)
    }

    func testSparseCategoricalCrossentropyGradients() throws {
        try checkNetwork(.sparseCategoricalCrossentropy, last: .softmax, width: 3)
        try checkNetwork(.sparseCategoricalCrossentropy, last: .sigmoid, width: 3)
    }

    func testBinaryCrossentropyGradients() throws {
        try checkNetwork(.binaryCrossentropy, last: .sigmoid, width: 1)
        try checkNetwork(.binaryCrossentropy, last: .sigmoid, width: 3)
        try checkNetwork(.binaryCrossentropy, last: .softmax, width: 3)
    }

    func testMeanSquaredErrorGradients() throws {
        try checkNetwork(.meanSquaredError, last: .linear, width: 1)
        try checkNetwork(.meanSquaredError, last: .linear, width: 3)
        try checkNetwork(.meanSquaredError, last: .softmax, width: 3)
        try checkNetwork(.meanSquaredError, last: .sigmoid, width: 1)
    }

    func testSparseAndCategoricalGiveTheSameGradients() throws {
        func gradients(_ loss: Loss) throws -> [Double] {
            let plan: (nodes: [LayerNode<Double>], parameterCount: Int?) = try NetworkPlan.layers(
                inputShape: [inputs], specs: [.dense(units: 3, activation: .softmax)])
            let network = Network<Double>(nodes: plan.nodes, inputSize: inputs,
                                          parameterCount: try XCTUnwrap(plan.parameterCount), seed: 9)
            let workspace = Workspace(network: network, capacity: batch, training: true)
            workspace.batch.input.pointer.update(from: randomValues(batch * inputs, seed: 3, low: -1, high: 1),
                                                 count: batch * inputs)
            workspace.batch.labels.pointer.update(from: [1, 2, 0], count: batch)
            network.forward(batch: batch, workspace: workspace, training: true)
            network.backward(loss: loss, batch: batch, workspace: workspace)
            return network.gradients.array
        }
        XCTAssertEqual(try gradients(.sparseCategoricalCrossentropy), try gradients(.categoricalCrossentropy))
    }
}
