import Foundation
import XCTest
import NeuralNet
import Notebook
@testable import Runner

/// What the model learned: `plot: weights`, `plot: mistakes`, and the confusion matrix's
/// precision and recall — exact numbers on hand-made cases, then whole runs on mnist-small.
final class LearnedPlotsTests: XCTestCase {
    // MARK: - precision and recall

    func testMistakePercentagesNeverRoundUpToACertainty() {
        XCTAssertEqual(Session.shortPercent(0.99962), ">99.9%")
        XCTAssertEqual(Session.shortPercent(0.9994), "99.9%")
        XCTAssertEqual(Session.shortPercent(0.5), "50.0%")
        XCTAssertEqual(Session.shortPercent(1), "100.0%")
    }

    func testPrecisionRecallAndSupportOfAHandMadeMatrix() {
        // Rows true classes, columns predicted: class 2 is never predicted, nothing is truly class 3.
        let matrix = [[3, 1, 0, 0],
                      [2, 4, 0, 0],
                      [1, 0, 0, 1],
                      [0, 0, 0, 0]]
        XCTAssertEqual(ClassMetrics.of(matrix), [
            ClassMetrics(precision: 3.0 / 6.0, recall: 3.0 / 4.0, support: 4),
            ClassMetrics(precision: 4.0 / 5.0, recall: 4.0 / 6.0, support: 6),
            ClassMetrics(precision: nil, recall: 0, support: 2),
            ClassMetrics(precision: 0, recall: nil, support: 0),
        ])
        let table = ClassMetrics.table(ClassMetrics.of(matrix), names: ["cat", "dog", "fox", "owl"])
        XCTAssertEqual(table.header, ["class", "precision", "recall", "support"])
        XCTAssertEqual(table.rows, [["cat", "0.5000", "0.7500", "4"], ["dog", "0.8000", "0.6667", "6"],
                                    ["fox", "—", "0.0000", "2"], ["owl", "0.0000", "—", "0"]])
        XCTAssertEqual(table.numericColumns, [1, 2, 3])
    }

    // MARK: - mistakes

    func testMistakesAreTheSurestWrongOnesWithTiesByIndex() {
        let probabilities: [Float] = [0.9, 0.1,   // 0: predicts 0, truth 0: right
                                      0.2, 0.8,   // 1: predicts 1, truth 0: wrong at 0.8
                                      0.7, 0.3,   // 2: predicts 0, truth 1: wrong at 0.7
                                      0.2, 0.8,   // 3: predicts 1, truth 0: wrong at 0.8, after 1
                                      0.5, 0.5,   // 4: a tie predicts the first class, 0; truth 1: wrong at 0.5
                                      .nan, 1]    // 5: not finite: skipped
        let found = ConfidentMistakes.find(probabilities: probabilities, classes: 2, labels: [0, 0, 1, 0, 1, 0], limit: 3)
        XCTAssertEqual(found, [
            ConfidentMistake(index: 1, truth: 0, predicted: 1, probability: Double(Float(0.8))),
            ConfidentMistake(index: 3, truth: 0, predicted: 1, probability: Double(Float(0.8))),
            ConfidentMistake(index: 2, truth: 1, predicted: 0, probability: Double(Float(0.7))),
        ])
        XCTAssertEqual(ConfidentMistakes.find(probabilities: [1, 0], classes: 2, labels: [0]), [])
        XCTAssertEqual(ConfidentMistakes.find(probabilities: [1, 0, 0], classes: 2, labels: [0]), [], "a row count that does not fit")
    }

    func testOutputsThatAreNotProbabilitiesGetASoftmax() {
        let soft = ConfidentMistakes.probabilities([0, Float(log(3.0)), 2, 2], classes: 2, endsInSoftmax: false)
        XCTAssertEqual(soft[0], 0.25, accuracy: 1e-6)
        XCTAssertEqual(soft[1], 0.75, accuracy: 1e-6)
        XCTAssertEqual(soft[2], 0.5, accuracy: 1e-6)
        XCTAssertEqual(ConfidentMistakes.probabilities([0.1, 0.9], classes: 2, endsInSoftmax: true), [0.1, 0.9])
    }

    // MARK: - weights

    func testWhichFirstLayersCanBeDrawn() {
        XCTAssertEqual(try FirstLayerWeights.plan(inputShape: [784], layers: [.dense(units: 16), .dense(units: 10)]).get(),
                       .dense(layer: 0, width: 28, height: 28, channels: 1, units: 16))
        XCTAssertEqual(try FirstLayerWeights.plan(inputShape: [28, 28, 1], layers: [.flatten, .dropout(rate: 0.2), .dense(units: 8)]).get(),
                       .dense(layer: 2, width: 28, height: 28, channels: 1, units: 8))
        XCTAssertEqual(try FirstLayerWeights.plan(inputShape: [6, 4, 3], layers: [.flatten, .dense(units: 2)]).get(),
                       .dense(layer: 1, width: 4, height: 6, channels: 3, units: 2))
        XCTAssertEqual(try FirstLayerWeights.plan(inputShape: [28, 28, 1], layers: [.conv2d(filters: 8, kernelSize: 3), .flatten, .dense(units: 10)]).get(),
                       .conv2d(layer: 0, kernelSize: 3, channels: 1, filters: 8))
        XCTAssertEqual(FirstLayerWeights.plan(inputShape: [20], layers: [.dense(units: 4)]), .failure(.notAPicture(layer: 1, inputs: 20)))
        XCTAssertEqual(FirstLayerWeights.plan(inputShape: [28, 28, 8], layers: [.flatten, .dense(units: 4)]),
                       .failure(.notAPicture(layer: 2, inputs: 6272)), "eight channels are not a picture")
        XCTAssertEqual(FirstLayerWeights.plan(inputShape: [784], layers: [.batchNormalization, .dense(units: 4)]),
                       .failure(.notDrawable(layer: 1, kind: "batchnorm")))
        XCTAssertEqual(FirstLayerWeights.plan(inputShape: [28, 28], layers: [.flatten]), .failure(.noWeights))
    }

    func testDenseAndConvolutionKernelsBecomePicturesInKerasLayout() throws {
        // A dense kernel (inputs 4 = 2×2, units 3): value 10·input + unit.
        var dense: [Float] = []
        for input in 0..<4 {
            for unit in 0..<3 { dense.append(Float(10 * input + unit)) }
        }
        let units = try XCTUnwrap(WeightsPlot(plan: .dense(layer: 0, width: 2, height: 2, channels: 1, units: 3), kernel: dense).pictures())
        XCTAssertEqual(units.map(\.planes), [[[0, 10, 20, 30]], [[1, 11, 21, 31]], [[2, 12, 22, 32]]])
        XCTAssertEqual(units.map(\.caption), ["unit 1", "unit 2", "unit 3"])
        // A conv kernel (k 2, channels 2, filters 2): value 100·pixel + 10·channel + filter.
        var conv: [Float] = []
        for pixel in 0..<4 {
            for channel in 0..<2 {
                for filter in 0..<2 { conv.append(Float(100 * pixel + 10 * channel + filter)) }
            }
        }
        let filters = try XCTUnwrap(WeightsPlot(plan: .conv2d(layer: 0, kernelSize: 2, channels: 2, filters: 2), kernel: conv).pictures())
        XCTAssertEqual(filters[1].planes, [[1, 101, 201, 301], [11, 111, 211, 311]])
        XCTAssertEqual(filters.map(\.caption), ["1", "2"], "numbers: the chart's title and caption say they are filters")
        XCTAssertNil(WeightsPlot(plan: .conv2d(layer: 0, kernelSize: 2, channels: 2, filters: 2), kernel: [1]).pictures())
    }

    func testAWideLayerShowsItsFirst64UnitsAndSaysSo() throws {
        let plan = FirstLayerWeights.dense(layer: 0, width: 2, height: 2, channels: 1, units: 100)
        let plot = WeightsPlot(plan: plan, kernel: (0..<400).map(Float.init))
        XCTAssertEqual(plot.pictures()?.count, 64)
        guard case .chart(let svg, let caption) = try XCTUnwrap(plot.output()) else { return XCTFail("a chart") }
        XCTAssertTrue(caption.contains("the first 64 of 100 units"), caption)
        XCTAssertTrue(svg.contains("Showing the first 64 of 100 units."))
        XCTAssertEqual(svg.components(separatedBy: "<image ").count - 1, 64)
    }

    // MARK: - whole runs

    private func run(_ text: String) throws -> RunRecord {
        let path = RunnerTests.fixtures.deletingLastPathComponent().appendingPathComponent("learned-test.md").path
        return NotebookRunner(environment: [:]).run(try NotebookParser.parse(source: text, path: path))
    }

    private let trained = """
    ```load
    path: mnist-small
    ```
    ```preprocess
    flatten: true
    scale: 255
    ```
    ```build
    dense 16 relu
    dense 10 softmax
    ```
    ```fit
    loss: sparse_categorical_crossentropy
    epochs: 2
    ```
    ```evaluate
    ```

    """

    func testWeightsAndMistakesOfATrainedDenseModel() throws {
        let record = try run(trained + "```plot\nweights, mistakes\n```\n")
        XCTAssertEqual(record.results.map(\.status), Array(repeating: .ok, count: 6), "\(String(describing: record.error))")
        guard record.results[5].outputs.count == 2,
              case .chart(let weights, let weightsCaption) = record.results[5].outputs[0],
              case .chart(let mistakes, _) = record.results[5].outputs[1] else { return XCTFail("two charts") }
        XCTAssertEqual(weights.components(separatedBy: "<image ").count - 1, 16, "all 16 units")
        XCTAssertTrue(weightsCaption.contains("all 16 units"), weightsCaption)
        let evaluation = try XCTUnwrap(record.evaluation)
        let wrong = Int((1 - evaluation.accuracy) * 200 + 0.5)
        XCTAssertEqual(mistakes.components(separatedBy: "<image ").count - 1, min(wrong, 16))
        XCTAssertTrue(mistakes.contains(" ≠ "))
    }

    func testConvolutionFiltersAreDrawnAndABatchNormFirstIsARunError() throws {
        let conv = "```load\npath: mnist-small\n```\n```preprocess\nreshape: 28x28x1\nscale: 255\n```\n"
            + "```build\nconv2d 4 3 relu\nflatten\ndense 10 softmax\n```\n```plot\nweights\n```\n"
        let record = try run(conv)
        XCTAssertEqual(record.results.last?.status, .ok, "\(String(describing: record.error))")
        guard case .chart(let svg, let caption) = record.results.last?.outputs.first else { return XCTFail("a chart") }
        XCTAssertEqual(svg.components(separatedBy: "<image ").count - 1, 4)
        XCTAssertTrue(caption.contains("all 4 filters"), caption)

        let norm = "```build\nbatchnorm input=784\ndense 10 softmax\n```\n```plot\nweights\n```\n"
        let failed = try run(norm)
        let error = try XCTUnwrap(failed.error)
        XCTAssertEqual(error.location.line, 6)
        XCTAssertEqual(error.message, "plot weights draws a first `dense` or `conv2d` layer, but the model's first layer with weights is `batchnorm` (layer 1)")
    }
}
