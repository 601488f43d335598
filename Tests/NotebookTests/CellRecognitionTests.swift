import XCTest
@testable import Notebook

/// Which fences are cells, and the diagnostics for fences that look like misspelt directives.
final class CellRecognitionTests: XCTestCase {
    func testUnknownDirectiveWithSuggestion() {
        assertSingleError("Text\n\n```plto\nloss\n```\n", line: 3, column: 4, "unknown directive 'plto'; did you mean 'plot'?",
                          hint: "load, preprocess, build, fit, evaluate, plot, predict")
    }

    func testUnknownDirectiveWithoutSuggestionExplainsLanguages() {
        let found = diagnostics("```train\nepochs: 3\n```\n")
        XCTAssertEqual(found.count, 1)
        guard let only = found.first else { return }
        assertDiagnostic(only, line: 1, column: 4, "unknown directive 'train'", hint: "```python or ```text")
        XCTAssertFalse(only.message.contains("did you mean"))
    }

    func testUnknownDirectiveColumnAfterIndentAndSpaces() {
        assertSingleError("  ~~~~   Fit\n  ~~~~\n", line: 1, column: 10, "unknown directive 'Fit'; did you mean 'fit'?")
    }

    func testOptionsInTheInfoStringAreRefused() {
        let text = "```fit epochs=10\nloss: categorical_crossentropy\n```\n"
        assertSingleError(text, line: 1, column: 8, "unexpected text after the directive name 'fit'",
                          hint: "put options in the cell body as `key: value` lines")
    }

    func testBodyErrorsAreStillReportedWhenTheInfoStringIsWrong() {
        let found = diagnostics("```fit   epochs=10\nepoch: 3\n```\n")
        XCTAssertEqual(found.map(\.location), [at(1, 1), at(1, 10), at(2, 1)])
        XCTAssertEqual(found.map { $0.message.prefix(12) }, ["fit needs a ", "unexpected t", "unknown fit "])
    }

    func testCellIndicesCountOnlyCells() throws {
        let text = "```python\nx\n```\n```evaluate\n```\ntext\n```plot\n```\n"
        let document = try XCTUnwrap(parsed(text))
        XCTAssertEqual(document.cells.map(\.index), [1, 2])
        XCTAssertEqual(document.cells.map(\.location), [at(4, 1), at(7, 1)])
    }

    func testDirectiveNamesAreCaseSensitive() {
        assertSingleError("```Evaluate\n```\n", line: 1, column: 4, "did you mean 'evaluate'?")
    }

    func testLanguageList() {
        for language in ["python", "bash", "sh", "shell", "console", "text", "txt", "plain", "output", "json", "yaml", "yml",
                         "toml", "swift", "markdown", "md", "c", "cpp", "c++", "js", "javascript", "ts", "typescript", "html",
                         "css", "xml", "sql", "r", "julia", "rust", "go", "java", "diff", "ini", "csv", "math", "latex", "tex",
                         "mermaid"] {
            XCTAssertTrue(CodeLanguages.contains(language), language)
        }
        XCTAssertEqual(CodeLanguages.names.intersection(Directive.allNames), [])
        XCTAssertFalse(CodeLanguages.contains("train"))
    }
}
