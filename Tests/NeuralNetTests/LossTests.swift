import XCTest
@testable import NeuralNet

/// Loss values against Keras' formulas worked by hand, accuracy as Keras resolves `"accuracy"`, and
/// the checks that targets fit the loss.
final class LossTests: XCTestCase {
    private func measure(_ loss: Loss, _ outputs: [Double], _ labels: [Int32], width: Int)
        -> (lossSum: Double, hits: Int, predicted: [Int32]) {
        var predicted = [Int32](repeating: -1, count: labels.count)
        let result = predicted.withUnsafeMutableBufferPointer {
            LossKernels.measure(loss, outputs: outputs, labels: labels, batch: labels.count, width: width,
                                predicted: $0.baseAddress)
        }
        return (result.lossSum, result.hits, predicted)
    }

    func testBinaryCrossentropyOfOneOutputClipsLikeKeras() {
        // −log 0.8, −log(1 − 0.3), and p = 0 for label 1 clipped to 1e-7; p = 1 for label 1 clipped to 1 − 1e-7.
        let result = measure(.binaryCrossentropy, [0.8, 0.3, 0, 1], [1, 0, 1, 1], width: 1)
        XCTAssertEqual(result.lossSum, -log(0.8) - log(0.7) - log(1e-7) - log(1 - 1e-7), accuracy: 1e-9)
        XCTAssertEqual(result.hits, 3)
        XCTAssertEqual(result.predicted, [1, 0, 0, 1])
    }

    func testBinaryCrossentropyGradientIsZeroWhereKerasClips() {
        // p = 0 against 1 and p = 1 against 0 are clipped (tf.clip_by_value passes no gradient);
        // p = 0.25 against 1 is not: −1/(0.25 · W · B) = −4/3.
        var gradient = [Double](repeating: .nan, count: 3)
        LossKernels.outputGradient(.binaryCrossentropy, outputs: [0, 1, 0.25] as [Double], labels: [1, 0, 1], batch: 3, width: 1,
                                   gradient: &gradient)
        XCTAssertEqual(gradient[0], 0)
        XCTAssertEqual(gradient[1], 0)
        XCTAssertEqual(gradient[2], -4.0 / 3, accuracy: 1e-12)
    }

    func testBinaryCrossentropyOfOneHotRowsAveragesOverOutputs() {
        // Row [0.9, 0.2] against [1, 0]: −(log 0.9 + log 0.8)/2. Row [0.4, 0.6] against [0, 1]: −(log 0.6 + log 0.6)/2.
        let result = measure(.binaryCrossentropy, [0.9, 0.2, 0.4, 0.6], [0, 1], width: 2)
        XCTAssertEqual(result.lossSum, -(log(0.9) + log(0.8)) / 2 - log(0.6), accuracy: 1e-12)
        XCTAssertEqual(result.hits, 2, "width 2 is categorical accuracy (argmax)")
    }

    func testMeanSquaredErrorAveragesOverOutputsThenSums() {
        // [0.2, 0.5, 0.3] against [0, 1, 0]: (0.04 + 0.25 + 0.09)/3; [0.6, 0.3, 0.1] against [0, 0, 1]: (0.36 + 0.09 + 0.81)/3.
        let wide = measure(.meanSquaredError, [0.2, 0.5, 0.3, 0.6, 0.3, 0.1], [1, 2], width: 3)
        XCTAssertEqual(wide.lossSum, 0.38 / 3 + 1.26 / 3, accuracy: 1e-12)
        XCTAssertEqual(wide.hits, 1)
        XCTAssertEqual(wide.predicted, [1, 0])
        // Width 1: the label's value is the target. (0.5 − 1)² + (2.5 − 2)² = 0.5.
        let narrow = measure(.meanSquaredError, [0.5, 2.5], [1, 2], width: 1)
        XCTAssertEqual(narrow.lossSum, 0.5, accuracy: 1e-12)
        XCTAssertEqual(narrow.hits, 0, "width 1 is binary accuracy: 0.5 is not above the 0.5 threshold, and 2 is never 0/1")
    }

    func testSparseCategoricalCrossentropyEqualsCategorical() {
        let outputs: [Double] = [0.7, 0.2, 0.1, 0.1, 0.1, 0.8, 0.5, 0.5, 0]
        let labels: [Int32] = [0, 2, 2]
        let sparse = measure(.sparseCategoricalCrossentropy, outputs, labels, width: 3)
        let categorical = measure(.categoricalCrossentropy, outputs, labels, width: 3)
        XCTAssertEqual(sparse.lossSum, -log(0.7) - log(0.8) - log(1e-7), accuracy: 1e-9)
        XCTAssertEqual(sparse.lossSum, categorical.lossSum)
        XCTAssertEqual(sparse.hits, 2)
        XCTAssertEqual(sparse.predicted, [0, 2, 0])
    }

    func testLossNamesAreKeras() {
        XCTAssertEqual(Loss.allCases.map(\.rawValue), ["categorical_crossentropy", "sparse_categorical_crossentropy",
                                                       "binary_crossentropy", "mean_squared_error"])
    }

    // MARK: Targets

    private func assertRejects(_ loss: Loss, _ targets: Examples.Targets, outputUnits: Int, mentioning phrases: [String],
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try loss.checkTargets(targets, outputUnits: outputUnits), file: file, line: line) { error in
            let text = String(describing: error)
            for phrase in phrases {
                XCTAssertTrue(text.contains(phrase), "“\(text)” should mention “\(phrase)”", file: file, line: line)
            }
        }
    }

    func testSparseRejectsOneHotTargetsWithAHint() {
        assertRejects(.sparseCategoricalCrossentropy, .oneHot(labels: [1, 2], classes: 3), outputUnits: 3,
                      mentioning: ["sparse_categorical_crossentropy", "one-hot", "use categorical_crossentropy", "drop `one_hot`"])
        assertRejects(.sparseCategoricalCrossentropy, .labels([1, 3]), outputUnits: 3, mentioning: ["label 3", "0..<3"])
        XCTAssertNoThrow(try Loss.sparseCategoricalCrossentropy.checkTargets(.labels([0, 2]), outputUnits: 3))
    }

    func testCategoricalRejectsPlainLabelsAndSuggestsSparse() {
        assertRejects(.categoricalCrossentropy, .labels([1]), outputUnits: 10,
                      mentioning: ["`one_hot: 10`", "sparse_categorical_crossentropy"])
    }

    func testBinaryTargets() {
        XCTAssertNoThrow(try Loss.binaryCrossentropy.checkTargets(.labels([0, 1, 1]), outputUnits: 1))
        XCTAssertNoThrow(try Loss.binaryCrossentropy.checkTargets(.oneHot(labels: [0, 2], classes: 3), outputUnits: 3))
        assertRejects(.binaryCrossentropy, .labels([0, 2]), outputUnits: 1, mentioning: ["labels 0 or 1", "sample 1", "label 2"])
        assertRejects(.binaryCrossentropy, .labels([0, 1]), outputUnits: 3, mentioning: ["`one_hot: 3`"])
        assertRejects(.binaryCrossentropy, .oneHot(labels: [0], classes: 2), outputUnits: 3, mentioning: ["width 2", "3 units"])
        assertRejects(.binaryCrossentropy, .oneHot(labels: [0], classes: 1), outputUnits: 1, mentioning: ["drop `one_hot`"])
    }

    func testMeanSquaredErrorTargets() {
        XCTAssertNoThrow(try Loss.meanSquaredError.checkTargets(.labels([0, 7, -3]), outputUnits: 1))
        XCTAssertNoThrow(try Loss.meanSquaredError.checkTargets(.oneHot(labels: [0, 2], classes: 3), outputUnits: 3))
        assertRejects(.meanSquaredError, .labels([0, 1]), outputUnits: 3, mentioning: ["`one_hot: 3`"])
        assertRejects(.meanSquaredError, .oneHot(labels: [4], classes: 3), outputUnits: 3, mentioning: ["label 4"])
    }

    func testNewErrorsReadAsSentences() {
        let errors: [NeuralNetError] = [
            .targetsDoNotFitLoss(loss: .binaryCrossentropy, problem: "p", fix: "f"), .invalidTensor("x"),
            .invalidModelFile(path: "/m.safetensors", reason: "x"), .cannotSaveModel(path: "/m.safetensors", reason: "x"),
        ]
        for error in errors {
            let text = error.description
            XCTAssertTrue(text.first?.isUppercase ?? false, text)
            XCTAssertTrue(text.hasSuffix("."), text)
            XCTAssertTrue(text.contains(":"), text)
        }
    }
}
