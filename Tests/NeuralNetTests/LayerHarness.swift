import XCTest
@testable import NeuralNet

/// A single Double layer with its own parameter, gradient, state, scratch and temporary storage,
/// for finite-difference checks of its backward pass against its forward pass.
final class LayerHarness<L: Layer> where L.Scalar == Double {
    let layer: L
    let batch: Int
    let parameters: Buffer<Double>
    let gradients: Buffer<Double>
    let state: Buffer<Double>
    let scratch: Buffer<Double>
    let temporary: Buffer<Double>
    /// Called before every forward pass (e.g. to replay a dropout mask).
    var beforeForward: () -> Void = {}

    /// Binds and initializes `layer`, then moves every parameter off its initial value (biases and
    /// beta off zero, gamma off one) so that every term of the gradient matters.
    init(_ layer: L, batch: Int, seed: UInt64) {
        self.layer = layer
        self.batch = batch
        parameters = Buffer(count: layer.parameterCount, filledWith: 0)
        gradients = Buffer(count: layer.parameterCount, filledWith: 0)
        state = Buffer(count: layer.stateCount, filledWith: 0)
        scratch = Buffer(count: layer.scratchCount(batch: batch) ?? 0, filledWith: 0)
        temporary = Buffer(count: layer.temporaryCount(batch: batch) ?? 0, filledWith: 0)
        layer.bind(parameters: parameters.pointer, gradients: gradients.pointer, state: state.pointer)
        var generator = SeededGenerator(seed: seed)
        layer.initialize(using: &generator)
        for i in 0..<layer.parameterCount { parameters.pointer[i] += (generator.nextUnit() - 0.5) * 0.4 }
    }

    /// Random inputs in (−1, 1) for one batch.
    func randomInput(seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        return (0..<(batch * layer.inputSize)).map { _ in generator.nextUnit() * 2 - 1 }
    }

    func forward(_ x: [Double], training: Bool) -> [Double] {
        beforeForward()
        var y = [Double](repeating: 0, count: batch * layer.outputSize)
        x.withUnsafeBufferPointer { input in
            y.withUnsafeMutableBufferPointer { output in
                guard let input = input.baseAddress, let output = output.baseAddress else { return }
                layer.forward(input: input, output: output, batch: batch, training: training, scratch: scratch.pointer)
            }
        }
        return y
    }

    /// L = Σ projection ⊙ layer(x): a loss whose ∂L/∂y is `projection`.
    func projectedLoss(_ x: [Double], projection: [Double], training: Bool) -> Double {
        zip(forward(x, training: training), projection).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Analytic ∂L/∂x from one forward and backward pass; parameter gradients land in `gradients`.
    func analyticInputGradient(_ x: [Double], projection: [Double], training: Bool) -> [Double] {
        let y = forward(x, training: training)
        var dy = projection
        var dx = [Double](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { input in
            y.withUnsafeBufferPointer { output in
                dy.withUnsafeMutableBufferPointer { outputGradient in
                    dx.withUnsafeMutableBufferPointer { inputGradient in
                        guard let input = input.baseAddress, let output = output.baseAddress,
                              let outputGradient = outputGradient.baseAddress else { return }
                        layer.backward(input: input, output: output, outputGradient: outputGradient,
                                       inputGradient: inputGradient.baseAddress, batch: batch,
                                       scratch: scratch.pointer, temporary: temporary.pointer)
                    }
                }
            }
        }
        return dx
    }

    /// Compares every parameter and input gradient with central differences (step 1e-6) within
    /// `tolerance` relative to max(1, |gradient|).
    func check(inputSeed: UInt64 = 11, training: Bool = true, tolerance: Double = 1e-7, _ what: String,
               file: StaticString = #filePath, line: UInt = #line) {
        let step = 1e-6
        var x = randomInput(seed: inputSeed)
        var generator = SeededGenerator(seed: inputSeed &+ 1)
        let projection = (0..<(batch * layer.outputSize)).map { _ in generator.nextUnit() * 2 - 1 }
        let dx = analyticInputGradient(x, projection: projection, training: training)
        let analytic = gradients.array
        XCTAssertTrue(dx.contains { abs($0) > 1e-3 } || layer.parameterCount > 0, "\(what): trivial gradient",
                      file: file, line: line)
        func assertMatches(_ value: Double, _ numeric: Double, _ name: String) {
            XCTAssertEqual(value, numeric, accuracy: tolerance * max(1, abs(numeric)), "\(what) \(name)", file: file, line: line)
        }
        for i in 0..<layer.parameterCount {
            let saved = parameters.pointer[i]
            parameters.pointer[i] = saved + step
            let up = projectedLoss(x, projection: projection, training: training)
            parameters.pointer[i] = saved - step
            let down = projectedLoss(x, projection: projection, training: training)
            parameters.pointer[i] = saved
            assertMatches(analytic[i], (up - down) / (2 * step), "parameter[\(i)]")
        }
        for i in 0..<x.count {
            let saved = x[i]
            x[i] = saved + step
            let up = projectedLoss(x, projection: projection, training: training)
            x[i] = saved - step
            let down = projectedLoss(x, projection: projection, training: training)
            x[i] = saved
            assertMatches(dx[i], (up - down) / (2 * step), "input[\(i)]")
        }
    }
}
