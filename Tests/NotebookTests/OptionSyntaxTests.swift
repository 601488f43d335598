import XCTest
@testable import Notebook

/// The `key: value` syntax shared by every option-taking directive.
final class OptionSyntaxTests: XCTestCase {
    func testSpacingCommentsAndQuotes() throws {
        let body = """
        # a comment line
           loss:categorical_crossentropy
        epochs    :   3   # three passes

        \tbatch_size:\t64
        shuffle: "false"
        """
        let fit = try XCTUnwrap(onlyDirective(cell("fit", body))?.fit)
        XCTAssertEqual(fit.epochs, 3)
        XCTAssertEqual(fit.batchSize, 64)
        XCTAssertFalse(fit.shuffle)
    }

    func testValueColumnsAfterOddSpacing() {
        assertSingleError(cell("fit", "loss: categorical_crossentropy\n  epochs  :\t  ten\n"), line: 3, column: 15,
                          "'epochs' must be an integer from 1 to 100000, got 'ten'")
        assertSingleError(cell("fit", "loss: categorical_crossentropy\nepochs:0"), line: 3, column: 8, "got '0'")
    }

    func testColumnsCountUTF8BytesLikeCmark() {
        // "é" is two bytes and "🙂" four: the value starts at byte column 17, not character column 14.
        assertSingleError(cell("predict", "image: a.png\ncenter:  é🙂 x"), line: 3, column: 10,
                          "'center' must be true, false or auto, got 'é🙂 x'")
        assertSingleError(cell("predict", "image: 🙂.png\ncenter: \"é🙂\"  nope"), line: 3, column: 19, "unexpected text after the quoted value")
    }

    func testUnknownOptionWithSuggestionAndList() {
        assertSingleError(cell("fit", "loss: categorical_crossentropy\nbatchsize: 3"), line: 3, column: 1,
                          "unknown fit option 'batchsize'; did you mean 'batch_size'?", hint: "fit takes: loss, optimizer,")
        assertSingleError(cell("predict", "image: x.png\ncolor: red"), line: 3, column: 1, "unknown predict option 'color'")
    }

    func testDuplicateOptionPointsAtTheSecond() {
        assertSingleError(cell("fit", "loss: categorical_crossentropy\nepochs: 2\n\n  epochs: 3"), line: 5, column: 3,
                          "'epochs' is set twice (first on line 3)")
    }

    func testMalformedLines() {
        assertSingleError(cell("fit", "loss: categorical_crossentropy\nepochs=10  # keras style"), line: 3, column: 1,
                          "expected an option written as `key: value`, got 'epochs=10'", hint: "e.g. `epochs: 10`")
        assertSingleError(cell("preprocess", "  : 255"), line: 2, column: 3, "expected an option")
    }

    func testEmptyValues() {
        assertSingleError(cell("fit", "loss: categorical_crossentropy\nepochs:   # none"), line: 3, column: 11, "'epochs' has no value")
        assertSingleError(cell("predict", "image: ''"), line: 2, column: 8, "'image' has no value")
    }

    func testUnreadableLinesDoNotAlsoCountAsMissing() {
        assertSingleError(cell("load", "path: \"data/my digits"), line: 2, column: 7, "has no closing \"")
        assertSingleError(cell("fit", "loss = categorical_crossentropy"), line: 2, column: 1, "expected an option")
        assertSingleError(cell("predict", "image 'a.png'"), line: 2, column: 1, "expected an option")
    }

    func testBooleanSpellings() throws {
        for (text, expected) in [("true", true), ("True", true), ("yes", true), ("false", false), ("False", false), ("no", false)] {
            XCTAssertEqual(onlyDirective(cell("preprocess", "flatten: \(text)"))?.preprocess?.flatten, expected, text)
        }
        assertSingleError(cell("preprocess", "flatten: 1"), line: 2, column: 10, "'flatten' must be true or false, got '1'")
    }

    func testEveryProblemInACellIsReported() {
        let found = diagnostics(cell("fit", "loss: mae\noptimizer: nadam\nepochs: 0\nbatch_size: -1\nfoo: 1"))
        XCTAssertEqual(found.map(\.location), [at(2, 7), at(3, 12), at(4, 9), at(5, 13), at(6, 1)])
    }
}
