import XCTest
@testable import NeuralNet

/// The convolution's chunked passes and the relu gradient that max pooling applies for it:
/// both must give the gradients of the plain computation.
final class ConvolutionChunkAndFusionTests: XCTestCase {
    private func conv(filters: Int, activation: Activation, chunkScalars: Int) throws -> Conv2D<Double> {
        let geometry = try XCTUnwrap(ConvGeometry(height: 5, width: 6, channels: 2, window: 3, stride: 1, padding: .same))
        let layer = Conv2D<Double>(geometry: geometry, filters: filters, activation: activation)
        layer.chunkScalars = chunkScalars
        return layer
    }

    /// One image per chunk, so the halves of a batch of 5 run 2 and 3 chunks each.
    func testConvolutionGradientsHoldWithOneImagePerChunk() throws {
        for activation in [Activation.relu, .tanh] {
            let layer = try conv(filters: 3, activation: activation, chunkScalars: 1)
            XCTAssertEqual(layer.chunkImages, 1)
            LayerHarness(layer, batch: 5, seed: 7).check("conv one image per chunk \(activation)")
        }
    }

    func testChunkedPassesMatchOneChunkPerHalf() throws {
        func run(chunkScalars: Int) throws -> (output: [Double], inputGradient: [Double], gradients: [Double]) {
            let harness = LayerHarness(try conv(filters: 4, activation: .relu, chunkScalars: chunkScalars), batch: 5, seed: 2)
            let x = harness.randomInput(seed: 3)
            let projection = (0..<(5 * harness.layer.outputSize)).map { Double($0 % 7) - 3 }
            let dx = harness.analyticInputGradient(x, projection: projection, training: true)
            return (harness.forward(x, training: true), dx, harness.gradients.array)
        }
        let chunked = try run(chunkScalars: 1), whole = try run(chunkScalars: 1 << 30)
        XCTAssertEqual(chunked.output, whole.output)
        XCTAssertEqual(chunked.inputGradient.count, whole.inputGradient.count)
        for (a, b) in zip(chunked.inputGradient, whole.inputGradient) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        for (a, b) in zip(chunked.gradients, whole.gradients) { XCTAssertEqual(a, b, accuracy: 1e-12) }
    }

    /// relu conv → max pool: the pool zeroes the gradients the relu would; the result equals the
    /// unfused passes (up to the order in which the fused pass sums the bias gradient from the
    /// pooled gradients), and inputs in (−1, 1) make some pooled values zero.
    func testPoolingAppliesTheReluGradientExactlyAsTheConvolutionWould() throws {
        let specs: [LayerSpec] = [.conv2d(filters: 4, kernelSize: 3, activation: .relu), .maxPool2D(poolSize: 2),
                                  .conv2d(filters: 3, kernelSize: 2, activation: .relu), .maxPool2D(poolSize: 2, stride: 1),
                                  .flatten, .dense(units: 3, activation: .softmax)]
        let plan: (nodes: [LayerNode<Double>], parameterCount: Int?) = try NetworkPlan.layers(
            inputShape: [10, 9, 2], specs: specs, seed: 4)
        let network = Network<Double>(nodes: plan.nodes, inputSize: 180, parameterCount: try XCTUnwrap(plan.parameterCount),
                                      seed: 6)
        let workspace = Workspace(network: network, capacity: 4, training: true)
        var generator = SeededGenerator(seed: 8)
        for i in 0..<(4 * 180) { workspace.batch.input.pointer[i] = generator.nextUnit() * 2 - 1 }
        workspace.batch.labels.pointer.update(from: [2, 0, 1, 1], count: 4)
        func gradients(fused: Bool) throws -> [Double] {
            for (node, next) in zip(network.nodes, network.nodes.dropFirst()) {
                guard case .conv2d(let conv) = node, case .maxPool2D(let pool) = next else { continue }
                XCTAssertTrue(conv.nextAppliesActivationGradient)
                XCTAssertTrue(pool.appliesReluGradient)
                conv.nextAppliesActivationGradient = fused
                pool.appliesReluGradient = fused
            }
            network.forward(batch: 4, workspace: workspace, training: true)
            network.backwardCrossEntropy(batch: 4, workspace: workspace)
            for (node, next) in zip(network.nodes, network.nodes.dropFirst()) {
                guard case .conv2d(let conv) = node, case .maxPool2D(let pool) = next else { continue }
                conv.nextAppliesActivationGradient = true
                pool.appliesReluGradient = true
            }
            return network.gradients.array
        }
        let pooled = UnsafeBufferPointer(start: workspace.outputs[1].pointer, count: 4 * network.nodes[1].layer.outputSize)
        let fused = try gradients(fused: true)
        XCTAssertTrue(pooled.contains(0) && pooled.contains { $0 > 0 })
        let unfused = try gradients(fused: false)
        XCTAssertEqual(fused.count, unfused.count)
        for (a, b) in zip(fused, unfused) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        XCTAssertTrue(fused.contains { $0 != 0 })
    }

    /// A valid max pooling that leaves a convolution's last row and column unread (2×2 over 7×7 or
    /// 5×5, 3×3 stride 2 over 8×8): the fused passes compute only the outputs the pooling reads. The
    /// pooled values must equal the layer-by-layer ones, and the gradients finite differences.
    func testPoolingThatLeavesOutputsUnreadKeepsValuesAndGradientsExact() throws {
        let cases: [(Activation, Int, Int, Int, Padding, Int)] = [
            (.relu, 9, 2, 2, .valid, 1), (.tanh, 9, 2, 2, .valid, 1), (.relu, 10, 3, 2, .valid, 1),
            (.linear, 10, 3, 2, .valid, 1), (.relu, 9, 2, 2, .same, 2), (.sigmoid, 7, 2, 2, .same, 1),
        ]
        for (activation, size, window, stride, padding, convStride) in cases {
            let what = "\(activation) \(padding) conv stride \(convStride) on \(size)×\(size), pool \(window) stride \(stride)"
            let specs: [LayerSpec] = [.conv2d(filters: 2, kernelSize: 3, stride: convStride, padding: padding,
                                              activation: activation),
                                      .maxPool2D(poolSize: window, stride: stride), .flatten,
                                      .dense(units: 3, activation: .softmax)]
            let plan: (nodes: [LayerNode<Double>], parameterCount: Int?) = try NetworkPlan.layers(
                inputShape: [size, size, 1], specs: specs, seed: 4)
            let network = Network<Double>(nodes: plan.nodes, inputSize: size * size,
                                          parameterCount: try XCTUnwrap(plan.parameterCount), seed: 6)
            guard case .conv2d(let conv) = network.nodes[0], case .maxPool2D(let pool) = network.nodes[1] else {
                return XCTFail("unexpected layers")
            }
            let (restricted, _) = conv.geometry.restricted(toOutputsReadBy: pool.geometry)
            XCTAssertLessThan(restricted.outputPixels, conv.geometry.outputPixels, what)
            let batch = 3
            let workspace = Workspace(network: network, capacity: batch, training: true)
            var generator = SeededGenerator(seed: 8)
            for i in 0..<(batch * size * size) { workspace.batch.input.pointer[i] = generator.nextUnit() * 2 - 1 }
            for i in 0..<conv.parameterCount { network.parameters.pointer[i] += (generator.nextUnit() - 0.5) * 0.2 }
            workspace.batch.labels.pointer.update(from: [2, 0, 1], count: batch)

            // Pooled values, layer by layer: the whole convolution, then the pooling.
            let whole = Buffer<Double>(count: batch * conv.outputSize, filledWith: 0)
            let pooled = Buffer<Double>(count: batch * pool.outputSize, filledWith: 0)
            let scratch = Buffer<Double>(count: max(conv.scratchCount(batch: batch) ?? 0, pool.scratchCount(batch: batch) ?? 0),
                                         filledWith: 0)
            conv.forward(input: workspace.batch.input.pointer, output: whole.pointer, batch: batch, training: false,
                         scratch: scratch.pointer)
            pool.forward(input: whole.pointer, output: pooled.pointer, batch: batch, training: false, scratch: scratch.pointer)
            network.forward(batch: batch, workspace: workspace, training: true)
            let fusedPooled = Array(UnsafeBufferPointer(start: workspace.outputs[1].pointer, count: pooled.count))
            for (a, b) in zip(fusedPooled, pooled.array) { XCTAssertEqual(a, b, accuracy: 1e-14, what) }

            func meanLoss() -> Double {
                let probabilities = network.forward(batch: batch, workspace: workspace)
                return CrossEntropyKernels.lossAndHits(probabilities: probabilities, labels: workspace.batch.labels.pointer,
                                                       batch: batch, classes: 3).lossSum / Double(batch)
            }
            network.forward(batch: batch, workspace: workspace, training: true)
            network.backwardCrossEntropy(batch: batch, workspace: workspace)
            let analytic = network.gradients.array
            XCTAssertTrue(analytic.prefix(conv.parameterCount).contains { abs($0) > 1e-4 }, what)
            assertParameterGradientsMatchFiniteDifferences(of: network, analytic: analytic,
                                                           parameters: 0..<conv.parameterCount, what, loss: meanLoss)
        }
    }
}
