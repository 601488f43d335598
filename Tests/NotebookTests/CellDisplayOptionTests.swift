import XCTest
@testable import Notebook

/// Quarto's `#| key: value` cell options at the top of a cell body: what the report shows.
final class CellDisplayOptionTests: XCTestCase {
    func testDefaultsShowEverything() throws {
        let only = try XCTUnwrap(parsed(cell("evaluate", ""))?.cells.first)
        XCTAssertEqual(only.display, CellDisplay(echo: true, output: true, codeFold: false))
    }

    func testOptionsAreReadAndLeftOutOfTheSource() throws {
        let text = cell("fit", "#| echo: false\n#| output: no\n#|code-fold: TRUE   # folded\n\nloss: mse\n# a comment\n")
        let only = try XCTUnwrap(parsed(text)?.cells.first)
        XCTAssertEqual(only.display, CellDisplay(echo: false, output: false, codeFold: true))
        XCTAssertEqual(only.source, "loss: mse\n# a comment\n")
        XCTAssertEqual(only.directive.fit?.loss, .meanSquaredError)
        XCTAssertTrue(only.source.contains("# a comment"))
    }

    func testOptionAfterAnOrdinaryLineIsAComment() throws {
        let only = try XCTUnwrap(parsed(cell("fit", "loss: mse\n#| echo: false\n"))?.cells.first)
        XCTAssertEqual(only.display, CellDisplay())
        XCTAssertEqual(only.source, "loss: mse\n#| echo: false\n")
        let afterComment = try XCTUnwrap(parsed(cell("evaluate", "# note\n#| echo: maybe\n"))?.cells.first)
        XCTAssertEqual(afterComment.display, CellDisplay())
    }

    func testOptionsWorkInCellsWithoutOptions() throws {
        let only = try XCTUnwrap(parsed(cell("plot", "#| code-fold: true\nloss, accuracy\n"))?.cells.first)
        XCTAssertTrue(only.display.codeFold)
        XCTAssertEqual(only.directive.plot?.charts.map(\.value), [.loss, .accuracy])
        XCTAssertEqual(only.source, "loss, accuracy\n")
    }

    func testBadValueIsAnErrorAtTheValue() {
        assertSingleError(cell("evaluate", "#| echo: maybe\n"), line: 2, column: 10, "'echo' must be true or false, got 'maybe'",
                          hint: "#| echo: true")
        assertSingleError(cell("evaluate", "  #|   output:\n"), line: 2, column: 15, "'output' must be true or false, got nothing")
    }

    func testUnknownKeyIsANote() throws {
        let document = try XCTUnwrap(parsed(cell("evaluate", "#| label: fig-loss\n#| eco: false\n")))
        XCTAssertEqual(document.notes.map(\.severity), [.note, .note])
        XCTAssertEqual(document.notes.map(\.location), [at(2, 11), at(3, 4)])
        XCTAssertEqual(document.notes.first?.message, "'label' names a model, and this evaluate cell makes none, so Folio does not use it")
        XCTAssertEqual(document.notes.last?.message, "cell option 'eco' is not used by Folio; did you mean 'echo'?")
        XCTAssertEqual(document.cells.first?.display, CellDisplay(label: "fig-loss"))
    }

    func testMalformedAndRepeatedOptionsAreErrors() {
        let found = diagnostics(cell("evaluate", "#| echo false\n#| output: true\n#| output: false\n"))
        XCTAssertEqual(found.count, 2, "\(DiagnosticList(found))")
        guard found.count == 2 else { return }
        assertDiagnostic(found[0], line: 2, column: 4, "expected a cell option written as `#| key: value`")
        assertDiagnostic(found[1], line: 4, column: 4, "'output' is set twice (first on line 3)")
    }

    func testFigureCaptionIsText() throws {
        let only = try XCTUnwrap(parsed(cell("plot", "#| fig-cap: How the loss fell: fast, then slowly\nloss\n"))?.cells.first)
        XCTAssertEqual(only.display.figureCaption, "How the loss fell: fast, then slowly")
        XCTAssertEqual(only.source, "loss\n")
        let quoted = try XCTUnwrap(parsed(cell("plot", "#| fig-cap: \"Loss # per epoch\"\nloss\n"))?.cells.first)
        XCTAssertEqual(quoted.display.figureCaption, "Loss # per epoch")
        XCTAssertNil(try XCTUnwrap(parsed(cell("plot", "loss\n"))?.cells.first).display.figureCaption)
    }

    func testBadFigureCaptionIsAnErrorAtTheValue() {
        assertSingleError(cell("plot", "#| fig-cap:\nloss\n"), line: 2, column: 12, "'fig-cap' needs a caption, got nothing",
                          hint: "#| fig-cap: Loss and accuracy per epoch")
        let long = String(repeating: "x", count: 301)
        assertSingleError(cell("plot", "#| fig-cap: \(long)\nloss\n"), line: 2, column: 13,
                          "'fig-cap' is 301 characters long; the most is 300")
    }
}
