import XCTest
@testable import NeuralNet

/// Finite-difference checks, in Double, of the backward pass of every layer beyond `Dense`
/// (see `GradientCheckTests` for Dense and the losses).
final class LayerGradientTests: XCTestCase {
    private func conv(_ height: Int, _ width: Int, channels: Int, filters: Int, kernel: Int, stride: Int,
                      padding: Padding, activation: Activation) throws -> Conv2D<Double> {
        let geometry = try XCTUnwrap(ConvGeometry(height: height, width: width, channels: channels, window: kernel,
                                                  stride: stride, padding: padding))
        return Conv2D(geometry: geometry, filters: filters, activation: activation)
    }

    func testConv2DValidGradients() throws {
        for activation in [Activation.linear, .tanh, .relu, .leakyRelu, .sigmoid] {
            let layer = try conv(5, 6, channels: 2, filters: 3, kernel: 3, stride: 1, padding: .valid, activation: activation)
            LayerHarness(layer, batch: 2, seed: 3).check("conv valid \(activation)")
        }
    }

    func testConv2DSameGradients() throws {
        let layer = try conv(5, 4, channels: 2, filters: 3, kernel: 3, stride: 1, padding: .same, activation: .tanh)
        LayerHarness(layer, batch: 2, seed: 4).check("conv same")
    }

    func testConv2DStrideTwoGradients() throws {
        // Same padding on 6×7 with stride 2 pads unevenly (nothing before, one after).
        let same = try conv(6, 7, channels: 2, filters: 2, kernel: 3, stride: 2, padding: .same, activation: .tanh)
        LayerHarness(same, batch: 2, seed: 5).check("conv stride 2 same")
        let valid = try conv(7, 6, channels: 1, filters: 2, kernel: 2, stride: 2, padding: .valid, activation: .linear)
        LayerHarness(valid, batch: 2, seed: 6).check("conv stride 2 valid")
    }

    func testMaxPoolGradientsGoToTheArgmax() throws {
        let tiled = try XCTUnwrap(ConvGeometry(height: 4, width: 6, channels: 3, window: 2, stride: 2, padding: .valid))
        LayerHarness(MaxPool2D<Double>(geometry: tiled), batch: 2, seed: 1).check("maxpool 2")
        // Overlapping windows (pool 3, stride 2): one input can receive two gradients.
        let overlapping = try XCTUnwrap(ConvGeometry(height: 5, width: 5, channels: 2, window: 3, stride: 2, padding: .valid))
        LayerHarness(MaxPool2D<Double>(geometry: overlapping), batch: 2, seed: 2).check("maxpool 3 stride 2")
    }

    func testBatchNormalizationTrainingGradients() {
        LayerHarness(BatchNormalization<Double>(shape: [3, 2, 4]), batch: 3, seed: 8).check("batchnorm image")
        LayerHarness(BatchNormalization<Double>(shape: [5]), batch: 4, seed: 9).check("batchnorm flat")
    }

    func testDropoutGradientsWithAFixedMask() {
        let layer = Dropout<Double>(shape: [3, 4], rate: 0.4, seed: 12)
        let harness = LayerHarness(layer, batch: 3, seed: 1)
        let saved = layer.generator
        harness.beforeForward = { layer.generator = saved }
        harness.check("dropout")
    }

    func testStandaloneActivationGradients() {
        for activation in Activation.allCases {
            let layer = ActivationLayer<Double>(shape: [2, 3, 4], activation: activation, negativeSlope: 0.3)
            LayerHarness(layer, batch: 2, seed: 1).check("activation \(activation)")
        }
    }

    func testFlattenGradients() {
        LayerHarness(Flatten<Double>(inputSize: 12), batch: 2, seed: 1).check("flatten")
    }

    /// A whole small CNN in Double, trained on categorical cross-entropy: every layer's backward
    /// wired to the next through the workspace (scratch, temporary, fused softmax gradient).
    func testConvolutionalNetworkCrossEntropyGradients() throws {
        let batch = 3
        let specs: [LayerSpec] = [
            .conv2d(filters: 3, kernelSize: 3, padding: .same, activation: .tanh), .batchNormalization,
            .maxPool2D(poolSize: 2), .conv2d(filters: 2, kernelSize: 2, stride: 1, activation: .leakyRelu),
            .activation(.leakyRelu, negativeSlope: 0.3), .flatten, .dropout(rate: 0.3),
            .dense(units: 3, activation: .softmax),
        ]
        let plan: (nodes: [LayerNode<Double>], parameterCount: Int?) = try NetworkPlan.layers(
            inputShape: [6, 5, 2], specs: specs, seed: 9)
        let network = Network<Double>(nodes: plan.nodes, inputSize: 60, parameterCount: try XCTUnwrap(plan.parameterCount),
                                      seed: 5)
        let workspace = Workspace(network: network, capacity: batch, training: true)
        var generator = SeededGenerator(seed: 21)
        for i in 0..<(batch * 60) { workspace.batch.input.pointer[i] = generator.nextUnit() * 2 - 1 }
        workspace.batch.labels.pointer.update(from: [2, 0, 1], count: 3)
        guard case .dropout(let dropout) = network.nodes[6] else { return XCTFail("layer 7 is dropout") }
        let mask = dropout.generator

        func meanLoss() -> Double {
            dropout.generator = mask
            let probabilities = network.forward(batch: batch, workspace: workspace, training: true)
            return CrossEntropyKernels.lossAndHits(probabilities: probabilities, labels: workspace.batch.labels.pointer,
                                                   batch: batch, classes: 3).lossSum / Double(batch)
        }
        _ = meanLoss()
        network.backwardCrossEntropy(batch: batch, workspace: workspace)
        let analytic = network.gradients.array
        assertParameterGradientsMatchFiniteDifferences(of: network, analytic: analytic, "every layer", loss: meanLoss)
    }
}
