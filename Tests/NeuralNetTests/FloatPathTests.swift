import XCTest
@testable import NeuralNet

/// The `Float` kernels take vector paths the `Double` gradient checks never run: these tests run
/// the same layers in both precisions and compare.
final class FloatPathTests: XCTestCase {
    /// Runs forward (training) and backward of a Float and a Double copy of a layer on the same
    /// data; outputs, input gradients and parameter gradients must agree to Float precision.
    private func compare<F: Layer, D: Layer>(_ float: F, _ double: D, batch: Int, _ what: String)
        where F.Scalar == Float, D.Scalar == Double {
        let harness = LayerHarness(double, batch: batch, seed: 3)
        let x = harness.randomInput(seed: 5)
        var generator = SeededGenerator(seed: 6)
        let projection = (0..<(batch * double.outputSize)).map { _ in generator.nextUnit() * 2 - 1 }
        let expectedY = harness.forward(x, training: true)
        let expectedDx = harness.analyticInputGradient(x, projection: projection, training: true)

        let parameters = Buffer<Float>(count: float.parameterCount, filledWith: 0)
        let gradients = Buffer<Float>(count: float.parameterCount, filledWith: 0)
        let state = Buffer<Float>(count: float.stateCount, filledWith: 0)
        float.bind(parameters: parameters.pointer, gradients: gradients.pointer, state: state.pointer)
        for i in 0..<float.parameterCount { parameters.pointer[i] = Float(harness.parameters.pointer[i]) }
        let scratch = Buffer<Float>(count: float.scratchCount(batch: batch) ?? 0, filledWith: 0)
        let temporary = Buffer<Float>(count: float.temporaryCount(batch: batch) ?? 0, filledWith: 0)
        let xf = x.map(Float.init)
        var y = [Float](repeating: 0, count: batch * float.outputSize)
        var dy = projection.map(Float.init)
        var dx = [Float](repeating: 0, count: x.count)
        xf.withUnsafeBufferPointer { input in
            y.withUnsafeMutableBufferPointer { output in
                dy.withUnsafeMutableBufferPointer { outputGradient in
                    dx.withUnsafeMutableBufferPointer { inputGradient in
                        guard let input = input.baseAddress, let output = output.baseAddress,
                              let outputGradient = outputGradient.baseAddress else { return }
                        float.forward(input: input, output: output, batch: batch, training: true, scratch: scratch.pointer)
                        float.backward(input: input, output: output, outputGradient: outputGradient,
                                       inputGradient: inputGradient.baseAddress, batch: batch,
                                       scratch: scratch.pointer, temporary: temporary.pointer)
                    }
                }
            }
        }
        assertClose(y.map(Double.init), expectedY, tolerance: 1e-5, "\(what) output")
        assertClose(dx.map(Double.init), expectedDx, tolerance: 1e-5, "\(what) input gradient")
        assertClose(gradients.array.map(Double.init), harness.gradients.array, tolerance: 1e-4, "\(what) parameter gradient")
    }

    func testMaxPoolFloatPathMatchesDouble() throws {
        let shapes = [(6, 8, 2, 2), (7, 12, 2, 2), (7, 6, 3, 2), (5, 3, 2, 1), (5, 6, 2, 1)]
        for (size, channels, window, stride) in shapes {
            let geometry = try XCTUnwrap(ConvGeometry(height: size, width: size + 1, channels: channels, window: window,
                                                      stride: stride, padding: .valid))
            for appliesRelu in [false, true] {
                let float = MaxPool2D<Float>(geometry: geometry), double = MaxPool2D<Double>(geometry: geometry)
                float.appliesReluGradient = appliesRelu
                double.appliesReluGradient = appliesRelu
                compare(float, double, batch: 3, "maxpool \(size) \(channels) \(window) \(stride) relu \(appliesRelu)")
            }
        }
    }

    func testConvolutionFloatPathMatchesDouble() throws {
        for (channels, filters, padding, stride, activation) in [(1, 8, Padding.valid, 1, Activation.relu),
                                                                 (8, 12, .same, 2, .leakyRelu), (5, 4, .same, 1, .tanh)] {
            let geometry = try XCTUnwrap(ConvGeometry(height: 7, width: 6, channels: channels, window: 3, stride: stride,
                                                      padding: padding))
            compare(Conv2D<Float>(geometry: geometry, filters: filters, activation: activation),
                    Conv2D<Double>(geometry: geometry, filters: filters, activation: activation), batch: 3,
                    "conv \(channels) \(filters) \(padding) \(stride) \(activation)")
        }
    }

    func testConvolutionSplitOverTwoThreadsMatchesOneThread() throws {
        let specs: [LayerSpec] = [.conv2d(filters: 8, kernelSize: 3, padding: .same, activation: .relu),
                                  .maxPool2D(poolSize: 2), .flatten, .dense(units: 3, activation: .softmax)]
        func train(worker: SplitWorker?) throws -> [Float] {
            let plan: (nodes: [LayerNode<Float>], parameterCount: Int?) = try NetworkPlan.layers(
                inputShape: [8, 8, 4], specs: specs, seed: 1)
            let network = Network<Float>(nodes: plan.nodes, inputSize: 256, parameterCount: try XCTUnwrap(plan.parameterCount),
                                         seed: 2)
            network.attach(worker: worker)
            let workspace = Workspace(network: network, capacity: 5, training: true)
            var generator = SeededGenerator(seed: 3)
            for i in 0..<(5 * 256) { workspace.batch.input.pointer[i] = Float(generator.nextUnit()) }
            workspace.batch.labels.pointer.update(from: [0, 1, 2, 1, 0], count: 5)
            network.forward(batch: 5, workspace: workspace, training: true)
            network.backwardCrossEntropy(batch: 5, workspace: workspace)
            network.attach(worker: nil)
            return network.gradients.array
        }
        let worker = SplitWorker()
        defer { worker.stop() }
        XCTAssertEqual(try train(worker: worker), try train(worker: nil))
    }

    /// Big dense products split over two threads: by batch halves with two partial kernel
    /// gradients (a narrow layer, 784 → 10 on 200 rows), or by the kernel's rows (784 → 64 on 64).
    func testDenseSplitOverTwoThreadsMatchesOneThread() throws {
        for (batch, units) in [(200, 10), (64, 64)] {
            let specs: [LayerSpec] = [.dense(units: units, activation: .relu), .dense(units: 3, activation: .softmax)]
            func train(worker: SplitWorker?) throws -> (outputs: [Float], gradients: [Float]) {
                let plan: (nodes: [LayerNode<Float>], parameterCount: Int?) = try NetworkPlan.layers(
                    inputShape: [784], specs: specs, seed: 1)
                let network = Network<Float>(nodes: plan.nodes, inputSize: 784,
                                             parameterCount: try XCTUnwrap(plan.parameterCount), seed: 2)
                network.attach(worker: worker)
                defer { network.attach(worker: nil) }
                let workspace = Workspace(network: network, capacity: batch, training: true)
                var generator = SeededGenerator(seed: 3)
                for i in 0..<(batch * 784) { workspace.batch.input.pointer[i] = Float(generator.nextUnit()) }
                for i in 0..<batch { workspace.batch.labels.pointer[i] = Int32(i % 3) }
                let output = network.forward(batch: batch, workspace: workspace, training: true)
                let outputs = Array(UnsafeBufferPointer(start: output, count: batch * 3))
                network.backwardCrossEntropy(batch: batch, workspace: workspace)
                return (outputs, network.gradients.array)
            }
            let worker = SplitWorker()
            defer { worker.stop() }
            XCTAssertGreaterThanOrEqual(batch * 784 * units, Dense<Float>.splitThreshold, "the products are split")
            let shared = try train(worker: worker), alone = try train(worker: nil)
            assertClose(shared.outputs, alone.outputs, tolerance: 1e-6, "\(batch) × 784 → \(units) outputs")
            assertClose(shared.gradients, alone.gradients, tolerance: 1e-6, "\(batch) × 784 → \(units) gradients")
            XCTAssertTrue(shared.gradients.contains { abs($0) > 1e-4 })
        }
    }

    func testDropoutFloatMaskKeepsTheSameValuesAsTheScalarPath() {
        for (rate, count) in [(0.5, 1001), (0.25, 4096), (0.9, 7), (0.1, 2)] {
            var floatGenerator = SeededGenerator(seed: 9), doubleGenerator = SeededGenerator(seed: 9)
            var floatMask = [Float](repeating: -1, count: count), doubleMask = [Double](repeating: -1, count: count)
            floatMask.withUnsafeMutableBufferPointer { mask in
                guard let base = mask.baseAddress else { return }
                DropoutKernels.drawMask(base, count: count, rate: rate, using: &floatGenerator)
            }
            doubleMask.withUnsafeMutableBufferPointer { mask in
                guard let base = mask.baseAddress else { return }
                DropoutKernels.drawMask(base, count: count, rate: rate, using: &doubleGenerator)
            }
            XCTAssertEqual(floatMask, doubleMask.map { Float($0) }, "rate \(rate), \(count) values")
            XCTAssertEqual(floatGenerator.next(), doubleGenerator.next(), "both paths draw the same number of steps")
            let kept = Double(floatMask.filter { $0 > 0 }.count) / Double(count)
            if count >= 1000 { XCTAssertEqual(kept, 1 - rate, accuracy: 0.05) }
        }
    }
}
