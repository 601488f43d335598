import XCTest
@testable import Notebook

/// `#| label: NAME` on a `build` or `load model:` cell: the model's name in `plot: compare` and `--json`.
final class ModelLabelTests: XCTestCase {
    private let load = "```load\ndataset: mnist\n```\n"

    func testLabelNamesTheModelOfABuildOrALoadModelCell() throws {
        let text = load + cell("build", "#| label: wide-mlp\ndense 10 softmax input=784\n")
            + cell("load", "#| label: \"saved CNN\"\nmodel: cnn.safetensors\n")
        let document = try XCTUnwrap(parsed(text))
        XCTAssertEqual(document.cells.map(\.display.label), [nil, "wide-mlp", "saved CNN"])
        XCTAssertEqual(document.cells[1].source, "dense 10 softmax input=784\n")
        XCTAssertEqual(document.notes, [])
    }

    func testEmptyLabelIsAnErrorAtTheValue() {
        assertSingleError(load + cell("build", "#| label:\ndense 10 softmax input=784\n"), line: 5, column: 10,
                          "'label' needs a name, got nothing", hint: "#| label: wide-mlp")
        assertSingleError(load + cell("build", "#| label: \"  \"\ndense 10 softmax input=784\n"), line: 5, column: 11,
                          "'label' needs a name, got nothing")
    }

    func testTooLongLabelIsAnError() {
        let long = String(repeating: "m", count: 41)
        assertSingleError(load + cell("build", "#| label: \(long)\ndense 10 softmax input=784\n"), line: 5, column: 11,
                          "'label' is 41 characters long; the most is 40")
        let longest = String(repeating: "m", count: 40)
        XCTAssertEqual(parsed(load + cell("build", "#| label: \(longest)\ndense 10 softmax input=784\n"))?.cells[1].display.label,
                       longest)
    }

    func testControlCharacterInALabelIsAnError() {
        assertSingleError(load + cell("build", "#| label: wide\u{7}mlp\ndense 10 softmax input=784\n"), line: 5, column: 11,
                          "'label' must be plain text without control characters")
        assertSingleError(load + cell("build", "#| label: wide\u{202E}plm\ndense 10 softmax input=784\n"), line: 5, column: 11,
                          "'label' must not contain characters that change the text's direction (U+202A…U+202E, U+2066…U+2069)")
        XCTAssertEqual(parsed(load + cell("build", "#| label: 👩‍🔬 model\ndense 10 softmax input=784\n"))?.cells[1].display.label,
                       "👩‍🔬 model", "a joined emoji is fine")
    }

    func testDuplicateLabelIsAnErrorAtTheSecond() {
        let text = load + cell("build", "#| label: mlp\ndense 10 softmax input=784\n")
            + cell("build", "#| label: mlp\ndense 10 softmax input=784\n")
        assertSingleError(text, line: 9, column: 11, "the label 'mlp' is already used on line 5",
                          hint: "give each model its own label")
    }

    func testALabelThatIsAnotherModelsDefaultNameIsAnError() throws {
        // The first model has no label, so it is "model 1": the second cannot take that name.
        let text = load + cell("build", "dense 10 softmax input=784\n")
            + cell("build", "#| label: model 1\ndense 10 softmax input=784\n")
        assertSingleError(text, line: 8, column: 11, "the label 'model 1' is the name Folio gives model 1 when it has no label",
                          hint: "choose a name of your own")
        // A model may be called what it would be called anyway; "model 01" and "models 2" are ordinary names.
        let own = load + cell("build", "dense 10 softmax input=784\n") + cell("build", "#| label: model 2\ndense 10 softmax input=784\n")
            + cell("build", "#| label: model 01\ndense 10 softmax input=784\n") + cell("build", "#| label: models 2\ndense 10 softmax input=784\n")
        XCTAssertEqual(try XCTUnwrap(parsed(own)).cells.map(\.display.label), [nil, nil, "model 2", "model 01", "models 2"])
    }

    func testLabelOnACellThatMakesNoModelIsANote() throws {
        let text = load + cell("load", "#| label: data\ndataset: mnist\n")
        let document = try XCTUnwrap(parsed(text))
        XCTAssertEqual(document.notes.map(\.message), ["'label' names a model, and this load cell makes none, so Folio does not use it"])
        XCTAssertEqual(document.notes.map(\.location), [at(5, 11)])
    }

    func testMakesModel() throws {
        let document = try XCTUnwrap(parsed(load + cell("build", "dense 10 softmax input=784\n") + cell("load", "model: m.safetensors\n")
            + cell("fit", "loss: mse\n")))
        XCTAssertEqual(document.cells.map(\.directive.makesModel), [false, true, true, false])
    }
}
