import XCTest
@testable import Notebook

final class FitGrammarTests: XCTestCase {
    private let loss = "loss: categorical_crossentropy\n"

    func testDefaults() {
        XCTAssertEqual(onlyDirective(cell("fit", loss))?.fit, FitDirective(loss: .categoricalCrossentropy))
        XCTAssertEqual(FitDirective(loss: .categoricalCrossentropy).epochs, 1)
        XCTAssertEqual(FitDirective(loss: .categoricalCrossentropy).batchSize, 32)
    }

    func testEveryOption() {
        let body = loss + """
        optimizer: sgd
        learning_rate: 1e-2
        momentum: 0.9
        nesterov: true
        epochs: 100000
        batch_size: 1000000
        validation_split: 0
        shuffle: False
        metrics: ['accuracy']
        """
        XCTAssertEqual(onlyDirective(cell("fit", body))?.fit,
                       FitDirective(loss: .categoricalCrossentropy, optimizer: .sgd, learningRate: 0.01, momentum: 0.9,
                                    nesterov: true, weightDecay: nil, epochs: 100_000, batchSize: 1_000_000, validationSplit: 0, shuffle: false))
    }

    func testLossIsRequired() {
        assertSingleError("Intro\n\n  " + cell("fit", "epochs: 3"), line: 3, column: 3, "fit needs a 'loss' option",
                          hint: "`loss: categorical_crossentropy`")
    }

    func testLosses() {
        for name in LossName.allCases {
            XCTAssertEqual(onlyDirective(cell("fit", "loss: \(name.rawValue)"))?.fit?.loss, name)
        }
        XCTAssertEqual(onlyDirective(cell("fit", "loss: mse"))?.fit?.loss, .meanSquaredError)
        assertSingleError(cell("fit", "loss: mean_absolute_error"), line: 2, column: 7, "loss 'mean_absolute_error' is not supported yet",
                          hint: "categorical_crossentropy, sparse_categorical_crossentropy, binary_crossentropy, mean_squared_error")
        assertSingleError(cell("fit", "loss: huber"), line: 2, column: 7, "not supported yet")
        assertSingleError(cell("fit", "loss: categorical_crossentropyy"), line: 2, column: 7,
                          "unknown loss 'categorical_crossentropyy'; did you mean 'categorical_crossentropy'?")
        assertSingleError(cell("fit", "loss: sparse_categorical_crossentropi"), line: 2, column: 7,
                          "did you mean 'sparse_categorical_crossentropy'?")
        assertSingleError(cell("fit", "loss: MSE"), line: 2, column: 7, "unknown loss 'MSE'")
    }

    func testOptimizers() {
        XCTAssertEqual(onlyDirective(cell("fit", loss + "optimizer: rmsprop\nlearning_rate: 0.01"))?.fit,
                       FitDirective(loss: .categoricalCrossentropy, optimizer: .rmsprop, learningRate: 0.01))
        XCTAssertEqual(onlyDirective(cell("fit", loss + "optimizer: adamw"))?.fit,
                       FitDirective(loss: .categoricalCrossentropy, optimizer: .adamw, weightDecay: nil))
        XCTAssertEqual(onlyDirective(cell("fit", loss + "weight_decay: 0.01\noptimizer: adamw"))?.fit?.weightDecay, 0.01)
        XCTAssertEqual(onlyDirective(cell("fit", loss + "optimizer: adamw\nweight_decay: 0"))?.fit?.weightDecay, 0)
        assertSingleError(cell("fit", loss + "optimizer: nadam"), line: 3, column: 12, "optimizer 'nadam' is not supported yet",
                          hint: "adam, sgd, rmsprop, adamw")
        assertSingleError(cell("fit", loss + "optimizer: adm"), line: 3, column: 12, "unknown optimizer 'adm'; did you mean 'adam'?")
        assertSingleError(cell("fit", loss + "optimizer: rmsprp"), line: 3, column: 12, "did you mean 'rmsprop'?")
    }

    func testWeightDecay() {
        assertSingleError(cell("fit", loss + "weight_decay: 0.01"), line: 3, column: 1, "'weight_decay' applies only to optimizer adamw, not adam",
                          hint: "`optimizer: adamw`")
        assertSingleError(cell("fit", loss + "optimizer: sgd\nweight_decay: 0.01"), line: 4, column: 1,
                          "'weight_decay' applies only to optimizer adamw, not sgd")
        for bad in ["-0.1", "inf", "1e400", "none"] {
            assertSingleError(cell("fit", loss + "optimizer: adamw\nweight_decay: \(bad)"), line: 4, column: 15,
                              "'weight_decay' must be a number of at least 0, got '\(bad)'")
        }
        assertSingleError(cell("fit", loss + "optimizer: adamw\nweight_decay:"), line: 4, column: 14, "'weight_decay' has no value")
    }

    func testRanges() {
        let cases: [(String, Int, String)] = [
            ("learning_rate: 0", 16, "'learning_rate' must be a number greater than 0, got '0'"),
            ("learning_rate: 1e400", 16, "got '1e400'"),
            ("epochs: 100001", 9, "'epochs' must be an integer from 1 to 100000"),
            ("epochs: 2.5", 9, "got '2.5'"),
            ("batch_size: 0", 13, "'batch_size' must be an integer from 1 to 1000000"),
            ("validation_split: 1", 19, "'validation_split' must be a number from 0 up to (not including) 1, got '1'"),
            ("validation_split: -0.1", 19, "got '-0.1'"),
            ("shuffle: sometimes", 10, "'shuffle' must be true or false"),
        ]
        for (line, column, message) in cases {
            assertSingleError(cell("fit", loss + line), line: 3, column: column, message)
        }
        assertSingleError(cell("fit", loss + "optimizer: sgd\nmomentum: 1"), line: 4, column: 11,
                          "'momentum' must be a number from 0 up to (not including) 1")
    }

    func testMetrics() {
        for spelling in ["accuracy", "[accuracy]", "['accuracy']", "[\"accuracy\"]", "[ accuracy ]", "[]"] {
            XCTAssertNotNil(onlyDirective(cell("fit", loss + "metrics: \(spelling)"))?.fit, spelling)
        }
        assertSingleError(cell("fit", loss + "metrics: [accuracy, 'mae']"), line: 3, column: 21, "metric 'mae' is not supported",
                          hint: "Folio always reports accuracy")
        assertSingleError(cell("fit", loss + "metrics: \"[accuracy, mae]\""), line: 3, column: 22, "metric 'mae'")
        assertSingleError(cell("fit", loss + "metrics: acuracy"), line: 3, column: 10, "did you mean 'accuracy'?")
        assertSingleError(cell("fit", loss + "metrics: [accuracy"), line: 3, column: 10, "no closing ]")
    }

    func testVerboseIsNotAnOption() {
        assertSingleError(cell("fit", loss + "verbose: 1"), line: 3, column: 1, "unknown fit option 'verbose'")
    }
}

/// Number options the engine stores as `Float` must be finite (and in range) as a Float.
final class FloatOptionTests: XCTestCase {
    func testALearningRateThatIsInfiniteAsAFloatIsRefusedAtTheValue() {
        assertSingleError(cell("fit", "loss: mse\nlearning_rate: 1e300"), line: 3, column: 16,
                          "'learning_rate' must be a number greater than 0, got '1e300' (too large for a 32-bit float")
        assertSingleError(cell("fit", "loss: mse\nlearning_rate: 1e-60"), line: 3, column: 16, "it would be 0.0")
        assertSingleError(cell("fit", "loss: mse\noptimizer: adamw\nweight_decay: 1e39"), line: 4, column: 15, "32-bit float")
        XCTAssertNotNil(onlyDirective(cell("fit", "loss: mse\nlearning_rate: 1e30")))
    }

    func testScaleAndLeakySlopeMustBeFiniteAsFloats() {
        assertSingleError(cell("preprocess", "scale: 1e40"), line: 2, column: 8, "32-bit float")
        let found = diagnostics(cell("build", "dense 10, input=784\nleaky_relu 1e39"))
        XCTAssertTrue(found.contains { $0.message.contains("32-bit float") && $0.location.line == 3 }, "\(found)")
    }
}
