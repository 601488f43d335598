import XCTest
@testable import NeuralNet

/// Keras `AdamW`: decoupled weight decay `θ −= lr·wd·θ` on every parameter BEFORE the Adam step.
final class AdamWTests: XCTestCase {
    private let start: [Float] = [0.5, -1.0, 2.0]
    private let gradientSteps: [[Float]] = [[0.1, -0.2, 0.3], [0.4, 0.1, -0.5]]

    private func step(_ optimizer: Optimizer, _ parameters: inout [Float], _ gradients: [Float], worker: SplitWorker?) {
        let count = min(parameters.count, gradients.count)
        parameters.withUnsafeMutableBufferPointer { p in
            gradients.withUnsafeBufferPointer { g in
                guard let p = p.baseAddress, let g = g.baseAddress else { return }
                optimizer.step(parameters: p, gradients: g, count: count, worker: worker)
            }
        }
    }

    private func run(_ optimizer: Optimizer) -> [Float] {
        var parameters = start
        for gradients in gradientSteps { step(optimizer, &parameters, gradients, worker: nil) }
        return parameters
    }

    /// Keras' AdamW worked in Double: decay, then Adam with ε on the uncorrected √v.
    private func expected(lr: Double, weightDecay: Double, decayFirst: Bool = true) -> [Double] {
        let b1 = 0.9, b2 = 0.999, eps = 1e-7
        var theta = start.map(Double.init)
        var m = [0.0, 0, 0], v = [0.0, 0, 0]
        for (t, gradients) in gradientSteps.enumerated() {
            let step = Double(t + 1)
            let alpha = lr * (1 - pow(b2, step)).squareRoot() / (1 - pow(b1, step))
            for i in 0..<3 {
                if decayFirst { theta[i] -= lr * weightDecay * theta[i] }
                let g = Double(gradients[i])
                m[i] = b1 * m[i] + (1 - b1) * g
                v[i] = b2 * v[i] + (1 - b2) * g * g
                theta[i] -= alpha * m[i] / (v[i].squareRoot() + eps)
                if !decayFirst { theta[i] -= lr * weightDecay * theta[i] }
            }
        }
        return theta
    }

    func testAdamWDecaysBeforeTheAdamStep() {
        // A large decay (lr·wd = 0.005) makes the order visible: decaying after the step would land
        // about 5e-5 away, far outside the tolerance.
        let result = run(AdamW(learningRate: 0.01, weightDecay: 0.5, parameterCount: 3))
        let before = expected(lr: 0.01, weightDecay: 0.5), after = expected(lr: 0.01, weightDecay: 0.5, decayFirst: false)
        assertClose(result, before.map(Float.init), tolerance: 1e-6, "adamw")
        XCTAssertGreaterThan(zip(before, after).map { abs($0 - $1) }.max() ?? 0, 2e-5, "the test can tell the order apart")
    }

    func testAdamWWithKerasDefaults() {
        let result = run(OptimizerSpec.defaultAdamW.makeOptimizer(parameterCount: 3))
        assertClose(result, expected(lr: 0.001, weightDecay: 0.004).map(Float.init), tolerance: 1e-7, "default adamw")
        XCTAssertEqual(OptimizerSpec.defaultAdamW, .adamw(learningRate: 0.001, weightDecay: 0.004))
    }

    func testAdamWWithoutDecayIsAdam() {
        XCTAssertEqual(run(AdamW(learningRate: 0.01, weightDecay: 0, parameterCount: 3)),
                       run(Adam(learningRate: 0.01, parameterCount: 3)))
    }

    func testZeroGradientOnlyDecays() {
        let adamw = AdamW(learningRate: 0.1, weightDecay: 0.2, parameterCount: 2)
        var parameters: [Float] = [1, -3]
        step(adamw, &parameters, [0, 0], worker: nil)
        assertClose(parameters, [0.98, -2.94], tolerance: 1e-7, "decay only, biases included")
    }

    func testSpecValidationAndState() {
        XCTAssertEqual(OptimizerSpec.adamw(learningRate: 0.01, weightDecay: 0.1).learningRate, 0.01)
        XCTAssertEqual(OptimizerSpec.defaultAdamW.stateSlotsPerParameter, 2)
        XCTAssertNoThrow(try OptimizerSpec.defaultAdamW.validate())
        for bad in [OptimizerSpec.adamw(learningRate: 0.001, weightDecay: -1), .adamw(learningRate: 0.001, weightDecay: .nan),
                    .adamw(learningRate: -1, weightDecay: 0.004), .adamw(learningRate: 1, weightDecay: 2)] {
            XCTAssertThrowsError(try bad.validate(), "\(bad)") { error in
                XCTAssertTrue(String(describing: error).contains("use a"), "\(error)")
            }
        }
    }

    func testSplittingAnAdamWUpdateAcrossTwoThreadsChangesNothing() {
        let count = SplitWorker.minimumCount * 2 + 5
        var generator = SeededGenerator(seed: 8)
        let gradients = (0..<count).map { _ in Float(generator.nextUnit() - 0.5) }
        let worker = SplitWorker()
        defer { worker.stop() }
        let alone = OptimizerSpec.defaultAdamW.makeOptimizer(parameterCount: count)
        let split = OptimizerSpec.defaultAdamW.makeOptimizer(parameterCount: count)
        var a = (0..<count).map { Float($0 % 7) - 3 }
        var b = a
        for _ in 0..<2 {
            step(alone, &a, gradients, worker: nil)
            step(split, &b, gradients, worker: worker)
        }
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a[count - 1], Float((count - 1) % 7) - 3)
    }

    func testFitTrainsWithAdamW() throws {
        let model = try Sequential(inputShape: [2], layers: [.dense(units: 2, activation: .softmax)], seed: 2)
        let history = try model.fit(blobs(count: 100, seed: 6),
                                    options: FitOptions(loss: .categoricalCrossentropy,
                                                        optimizer: .adamw(learningRate: 0.05, weightDecay: 0.004),
                                                        epochs: 5, batchSize: 10), seed: 1)
        XCTAssertGreaterThan(history.accuracy.last ?? 0, 0.95)
    }
}
