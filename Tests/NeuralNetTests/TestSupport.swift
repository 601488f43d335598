import Foundation
import XCTest
@testable import NeuralNet

/// Asserts two arrays have the same length and agree element-wise within `tolerance`.
func assertClose<T: BinaryFloatingPoint>(_ actual: [T], _ expected: [T], tolerance: T, _ message: String = "",
                                         file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "\(message): length", file: file, line: line)
    for (index, (a, e)) in zip(actual, expected).enumerated() where !(abs(a - e) <= tolerance) {
        XCTFail("\(message)[\(index)]: \(a) vs expected \(e) (tolerance \(tolerance))", file: file, line: line)
        return
    }
}

/// Asserts that `analytic`, the gradient of `loss()` for the network's parameters in `range` (all by
/// default), matches central finite differences with step 1e-6, each within 1e-7.
func assertParameterGradientsMatchFiniteDifferences(
    of network: Network<Double>, analytic: [Double], parameters range: Range<Int>? = nil, _ what: String,
    file: StaticString = #filePath, line: UInt = #line, loss: () -> Double
) {
    let step = 1e-6
    for i in range ?? 0..<network.parameterCount {
        let saved = network.parameters.pointer[i]
        network.parameters.pointer[i] = saved + step
        let up = loss()
        network.parameters.pointer[i] = saved - step
        let down = loss()
        network.parameters.pointer[i] = saved
        XCTAssertEqual(analytic[i], (up - down) / (2 * step), accuracy: 1e-7, "\(what): parameter \(i)",
                       file: file, line: line)
    }
}

/// Float examples with one-hot targets.
func floatExamples(_ rows: [[Float]], labels: [Int32], classes: Int) -> Examples {
    Examples(count: rows.count, sampleShape: [rows.first?.count ?? 0], features: .floats(rows.flatMap { $0 }),
             targets: .oneHot(labels: labels, classes: classes))
}

/// Two well-separated Gaussian-ish blobs in 2-D (class 0 around (−2, −2), class 1 around (2, 2)),
/// drawn from the engine's seeded generator so every run sees the same points.
func blobs(count: Int, seed: UInt64) -> Examples {
    var generator = SeededGenerator(seed: seed)
    var rows: [[Float]] = []
    var labels: [Int32] = []
    for i in 0..<count {
        let label = Int32(i % 2)
        let center: Float = label == 0 ? -2 : 2
        rows.append([center + Float(generator.nextUnit() * 2 - 1), center + Float(generator.nextUnit() * 2 - 1)])
        labels.append(label)
    }
    return floatExamples(rows, labels: labels, classes: 2)
}

/// Keras' reference run (keras-parity.json beside this file).
struct KerasParityFixture {
    let x: [[Float]]
    let labels: [Int32]
    let initial: [[Float]]
    let probabilities: [Float]
    let loss: Double
    let gradients: [[Float]]
    let runs: [String: (losses: [Double], weights: [[Float]])]

    static func load() throws -> KerasParityFixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/keras-parity.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let root = object as? [String: Any] else { throw FixtureError.malformed("root") }
        func matrix(_ value: Any?) throws -> [[Float]] {
            guard let rows = value as? [[Double]] else { throw FixtureError.malformed("matrix") }
            return rows.map { $0.map(Float.init) }
        }
        func vector(_ value: Any?) throws -> [Float] {
            guard let values = value as? [Double] else { throw FixtureError.malformed("vector") }
            return values.map(Float.init)
        }
        /// W1, b1, W2, b2 flattened in `get_weights()` order.
        func weights(_ value: Any?) throws -> [[Float]] {
            guard let set = value as? [String: Any] else { throw FixtureError.malformed("weights") }
            return [try matrix(set["W1"]).flatMap { $0 }, try vector(set["b1"]),
                    try matrix(set["W2"]).flatMap { $0 }, try vector(set["b2"])]
        }
        let targets = try matrix(root["y"])
        let labels = targets.map { row in Int32(row.firstIndex(of: row.max() ?? 0) ?? 0) }
        guard let forward = root["forward"] as? [String: Any], let loss = forward["loss"] as? Double else {
            throw FixtureError.malformed("forward")
        }
        var runs: [String: (losses: [Double], weights: [[Float]])] = [:]
        for (key, value) in root where key.hasSuffix("_3_steps") {
            guard let run = value as? [String: Any], let losses = run["losses_before_each_step"] as? [Double] else {
                throw FixtureError.malformed(key)
            }
            runs[key] = (losses, try weights(run["weights_after"]))
        }
        return KerasParityFixture(x: try matrix(root["x"]), labels: labels, initial: try weights(root["initial"]),
                                  probabilities: try matrix(forward["probabilities"]).flatMap { $0 }, loss: loss,
                                  gradients: try weights(root["gradients"]), runs: runs)
    }

    var examples: Examples { floatExamples(x, labels: labels, classes: 3) }

    func model() throws -> Sequential {
        let model = try Sequential(inputShape: [4], layers: [.dense(units: 6, activation: .relu),
                                                             .dense(units: 3, activation: .softmax)], seed: 1)
        try model.setWeights(initial)
        return model
    }
}

enum FixtureError: Error { case malformed(String) }
