import XCTest
@testable import NeuralNet

/// The update rules against values worked out by hand (in Double) from Keras' formulas.
final class OptimizerTests: XCTestCase {
    private let start: [Float] = [0.5, -1.0, 2.0]
    private let gradientSteps: [[Float]] = [[0.1, -0.2, 0.3], [0.4, 0.1, -0.5]]

    private func apply(_ optimizer: Optimizer, to parameters: inout [Float], gradients: [Float], worker: SplitWorker?) {
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
        for gradients in gradientSteps { apply(optimizer, to: &parameters, gradients: gradients, worker: nil) }
        return parameters
    }

    func testAdamFollowsKerasWithEpsilonOutsideTheCorrectedRoot() {
        let lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-7
        var expected = start.map(Double.init)
        var m = [0.0, 0, 0], v = [0.0, 0, 0]
        for (t, gradients) in gradientSteps.enumerated() {
            let step = Double(t + 1)
            let alpha = lr * (1 - pow(b2, step)).squareRoot() / (1 - pow(b1, step))
            for i in 0..<3 {
                let g = Double(gradients[i])
                m[i] = b1 * m[i] + (1 - b1) * g
                v[i] = b2 * v[i] + (1 - b2) * g * g
                expected[i] -= alpha * m[i] / (v[i].squareRoot() + eps)
            }
        }
        assertClose(run(Adam(learningRate: 0.01, parameterCount: 3)), expected.map(Float.init), tolerance: 1e-6, "adam")
        // Sanity: the first Adam step moves each parameter by about lr against its gradient's sign.
        XCTAssertEqual(expected[0], 0.5 - 0.01 - 0.01 * 0.9999, accuracy: 3e-3)
    }

    func testPlainSGD() {
        // θ −= lr·g, twice: 0.5 − 0.1·(0.1 + 0.4) = 0.45, −1 − 0.1·(−0.2 + 0.1) = −0.99, 2 − 0.1·(0.3 − 0.5) = 2.02
        let result = run(SGD(learningRate: 0.1, momentum: 0, nesterov: false, parameterCount: 3))
        assertClose(result, [0.45, -0.99, 2.02], tolerance: 1e-6, "sgd")
    }

    func testSGDWithMomentum() {
        // v1 = −lr·g1; θ1 = θ0 + v1. v2 = 0.9·v1 − lr·g2; θ2 = θ1 + v2.
        // p0: v1 = −0.01, θ1 = 0.49; v2 = −0.009 − 0.04 = −0.049, θ2 = 0.441
        // p1: v1 = 0.02, θ1 = −0.98; v2 = 0.018 − 0.01 = 0.008, θ2 = −0.972
        // p2: v1 = −0.03, θ1 = 1.97; v2 = −0.027 + 0.05 = 0.023, θ2 = 1.993
        let result = run(SGD(learningRate: 0.1, momentum: 0.9, nesterov: false, parameterCount: 3))
        assertClose(result, [0.441, -0.972, 1.993], tolerance: 1e-6, "momentum")
    }

    func testSGDWithNesterovMomentum() {
        // θ += 0.9·v − lr·g with v updated first.
        // p0: v1 = −0.01, θ1 = 0.5 − 0.009 − 0.01 = 0.481; v2 = −0.049, θ2 = 0.481 − 0.0441 − 0.04 = 0.3969
        // p1: v1 = 0.02, θ1 = −1 + 0.018 + 0.02 = −0.962; v2 = 0.008, θ2 = −0.962 + 0.0072 − 0.01 = −0.9648
        // p2: v1 = −0.03, θ1 = 2 − 0.027 − 0.03 = 1.943; v2 = 0.023, θ2 = 1.943 + 0.0207 + 0.05 = 2.0137
        let result = run(SGD(learningRate: 0.1, momentum: 0.9, nesterov: true, parameterCount: 3))
        assertClose(result, [0.3969, -0.9648, 2.0137], tolerance: 1e-6, "nesterov")
    }

    func testRMSpropKeepsEpsilonInsideTheRoot() {
        // v1 = 0.1·g1², θ1 = θ0 − lr·g1/√(v1 + ε); v2 = 0.9·v1 + 0.1·g2², θ2 = θ1 − lr·g2/√(v2 + ε).
        var expected = start.map(Double.init)
        var v = [0.0, 0, 0]
        for gradients in gradientSteps {
            for i in 0..<3 {
                let g = Double(gradients[i])
                v[i] = 0.9 * v[i] + 0.1 * g * g
                expected[i] -= 0.01 * g / (v[i] + 1e-7).squareRoot()
            }
        }
        assertClose(run(RMSprop(learningRate: 0.01, parameterCount: 3)), expected.map(Float.init), tolerance: 1e-6, "rmsprop")
    }

    func testAdamUsesFourLaneAndScalarPathsAlike() {
        // 37 parameters: nine 4-lane blocks and a 1-element tail must all follow the same rule.
        let count = 37
        let adam = Adam(learningRate: 0.001, parameterCount: count)
        var parameters = [Float](repeating: 1, count: count)
        apply(adam, to: &parameters, gradients: [Float](repeating: 0.5, count: count), worker: nil)
        XCTAssertEqual(Set(parameters).count, 1)
        XCTAssertEqual(parameters[0], 1 - 0.001, accuracy: 1e-6)
    }

    func testSplittingAnUpdateAcrossTwoThreadsChangesNothing() {
        let count = SplitWorker.minimumCount * 2 + 7
        var generator = SeededGenerator(seed: 3)
        let gradients = (0..<count).map { _ in Float(generator.nextUnit() - 0.5) }
        let worker = SplitWorker()
        defer { worker.stop() }
        for spec in [OptimizerSpec.defaultAdam, .sgd(learningRate: 0.1, momentum: 0.9, nesterov: true), .defaultRMSprop] {
            let alone = spec.makeOptimizer(parameterCount: count)
            let split = spec.makeOptimizer(parameterCount: count)
            var a = [Float](repeating: 1, count: count)
            var b = a
            for _ in 0..<3 {
                apply(alone, to: &a, gradients: gradients, worker: nil)
                apply(split, to: &b, gradients: gradients, worker: worker)
            }
            XCTAssertEqual(a, b, "\(spec)")
            XCTAssertNotEqual(a[count - 1], 1, "the worker's half was updated")
        }
    }
}
