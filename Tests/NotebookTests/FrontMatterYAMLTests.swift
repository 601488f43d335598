import XCTest
@testable import Notebook

/// The front matter is YAML: Quarto and Jekyll front matter parses, Folio's keys are typed per key,
/// other keys are notes, and YAML problems are errors at the notebook's line and column.
final class FrontMatterYAMLTests: XCTestCase {
    private func assertNote(_ note: Diagnostic?, line: Int, column: Int, _ message: String,
                            file: StaticString = #filePath, testLine: UInt = #line) {
        XCTAssertEqual(note?.severity, .note, file: file, line: testLine)
        XCTAssertEqual(note?.location, at(line, column), file: file, line: testLine)
        XCTAssertEqual(note?.message, message, file: file, line: testLine)
    }

    func testQuartoFrontMatterParsesWithNotesForOtherKeys() throws {
        let text = """
        ---
        title: "Digits: a first model"
        author:
          - Ada Lovelace
          - name: Alan Turing
            affiliation: Bletchley Park
        date: 2024-05-01
        description: |
          A small MLP on MNIST.
        toc: true
        format:
          html:
            code-fold: true
        jupyter: python3
        ---
        # Digits
        """
        let document = try XCTUnwrap(parsed(text))
        XCTAssertEqual(document.title, "Digits: a first model")
        XCTAssertEqual(document.author, "Ada Lovelace, Alan Turing")
        XCTAssertEqual(document.date, "2024-05-01")
        XCTAssertEqual(document.description, "A small MLP on MNIST.\n")
        XCTAssertEqual(document.seed, 42)
        XCTAssertEqual(document.notes.count, 3, "\(DiagnosticList(document.notes))")
        assertNote(document.notes.first, line: 10, column: 1, "front matter key 'toc' is not used by Folio")
        assertNote(document.notes.dropFirst().first, line: 11, column: 1, "front matter key 'format' is not used by Folio")
        assertNote(document.notes.last, line: 14, column: 1, "front matter key 'jupyter' is not used by Folio")
        XCTAssertEqual(document.notes.first?.description, "nb.md:10:1: note: front matter key 'toc' is not used by Folio")
    }

    func testJekyllKeyAndMisspeltKeyAreNotesWithASuggestion() throws {
        let document = try XCTUnwrap(parsed("---\nlayout: post\ntitel: X\n---\n"))
        assertNote(document.notes.first, line: 2, column: 1, "front matter key 'layout' is not used by Folio")
        assertNote(document.notes.last, line: 3, column: 1, "front matter key 'titel' is not used by Folio; did you mean 'title'?")
        XCTAssertNil(document.title)
    }

    func testScalarsAreTextTypedPerKey() throws {
        XCTAssertEqual(try XCTUnwrap(parsed("---\ntitle: no\n---\n")).title, "no")
        XCTAssertEqual(try XCTUnwrap(parsed("---\ntitle: 2024\n---\n")).title, "2024")
        XCTAssertEqual(try XCTUnwrap(parsed("---\ntitle: 1.50\nseed: '7'\n---\n")).title, "1.50")
        XCTAssertEqual(try XCTUnwrap(parsed("---\nseed: '7'\n---\n")).seed, 7)
        XCTAssertEqual(try XCTUnwrap(parsed("---\nauthor: Ann\ndate: today\n---\n")).author, "Ann")
        XCTAssertEqual(try XCTUnwrap(parsed("---\nauthor: Ann\ndate: today\n---\n")).date, "today")
        XCTAssertTrue(try XCTUnwrap(parsed("---\ntitle: T\nseed: 1\n---\n")).notes.isEmpty)
    }

    func testWronglyTypedKnownKeysAreErrorsAtTheValue() {
        let found = diagnostics("---\nseed: abc\ntitle:\n  a: 1\nauthor: [1, [2]]\n---\n")
        XCTAssertEqual(found.count, 3, "\(DiagnosticList(found))")
        guard found.count == 3 else { return }
        assertDiagnostic(found[0], line: 2, column: 7, "'seed' must be an integer from 0 to 9223372036854775807, got 'abc'")
        assertDiagnostic(found[1], line: 4, column: 3, "'title' must be text, got a mapping")
        assertDiagnostic(found[2], line: 5, column: 13, "'author' must be text, got a list")
    }

    func testYAMLSyntaxErrorsHaveTheNotebooksLineAndColumn() {
        assertSingleError("---\ntitle: a: b\n---\n", line: 2, column: 9, "not valid YAML: mapping values are not allowed",
                          hint: "quote a value")
        assertSingleError("---\nseed: 1\ntitle: \"open\n---\n", line: 3, column: 8, "not valid YAML")
        // Columns count UTF-8 bytes, as everywhere else: `é` is two.
        assertSingleError("---\ntitle: é: x\n---\n", line: 2, column: 10, "not valid YAML")
        assertSingleError("---\n- a\n- b\n---\n", line: 2, column: 1, "must be `key: value` lines, got a list")
    }

    func testNotesDoNotHideErrors() {
        let found = diagnostics("---\ntoc: true\nseed: -1\n---\n")
        XCTAssertEqual(found.map(\.severity), [.note, .error])
        XCTAssertEqual(found.map(\.location), [at(2, 1), at(3, 7)])
    }

    func testEmptyFrontMatter() throws {
        let document = try XCTUnwrap(parsed("---\n---\n# T\n"))
        XCTAssertEqual(document.title, "T")
        XCTAssertTrue(document.notes.isEmpty)
    }
}
