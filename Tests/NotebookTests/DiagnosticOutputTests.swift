import XCTest
@testable import Notebook

/// What users read: the rendered text of diagnostics and their order.
final class DiagnosticOutputTests: XCTestCase {
    func testGoldenDescription() {
        let text = "# Digits\n```fit\nloss: categorical_crossentropy\nepoch: 10\n```\n"
        XCTAssertEqual(DiagnosticList(diagnostics(text)).description, """
        nb.md:4:1: error: unknown fit option 'epoch'; did you mean 'epochs'?
            hint: fit takes: loss, optimizer, learning_rate, momentum, nesterov, weight_decay, epochs, batch_size, validation_split, shuffle, metrics
        """)
    }

    func testGoldenUnknownDirective() {
        XCTAssertEqual(DiagnosticList(diagnostics("```train\n```\n")).description, """
        nb.md:1:4: error: unknown directive 'train'
            hint: directives are load, preprocess, build, fit, evaluate, plot, predict, summary, save; to show code that is not a \
        directive, fence it with a language name such as ```python or ```text
        """)
    }

    func testGoldenValueWithoutHint() {
        XCTAssertEqual(diagnostics(cell("fit", "loss: categorical_crossentropy\nepochs: 0")).first?.description,
                       "nb.md:3:9: error: 'epochs' must be an integer from 1 to 100000, got '0'")
    }

    func testAllProblemsOfTheNotebookInSourceOrder() {
        let text = """
        ---
        seed: x
        ---
        ```plot
        los
        ```
        ```fit
        epochs: 0
        ```
        ```laod
        ```
        """
        let found = diagnostics(text)
        XCTAssertEqual(found.map(\.location), [at(2, 7), at(5, 1), at(7, 1), at(8, 9), at(10, 4)])
        XCTAssertEqual(found.last?.message, "unknown directive 'laod'; did you mean 'load'?")
    }
}
