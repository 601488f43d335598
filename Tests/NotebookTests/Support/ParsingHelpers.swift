import XCTest
@testable import Notebook

/// The path every test notebook pretends to live at.
let testPath = "nb.md"

/// Parses `text`, failing the test (and returning nil) when it does not parse.
func parsed(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Document? {
    do {
        return try NotebookParser.parse(source: text, path: testPath)
    } catch {
        XCTFail("expected the notebook to parse, got:\n\(error)", file: file, line: line)
        return nil
    }
}

/// The diagnostics `text` produces, failing the test when it parses without any.
func diagnostics(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
    do {
        _ = try NotebookParser.parse(source: text, path: testPath)
        XCTFail("expected diagnostics, but the notebook parsed", file: file, line: line)
    } catch let list as DiagnosticList {
        return list.diagnostics
    } catch {
        XCTFail("expected a DiagnosticList, got \(error)", file: file, line: line)
    }
    return []
}

/// Asserts that `text` yields exactly one diagnostic, at `line`:`column`, whose message contains
/// `message` (and whose hint contains `hint`, when given).
func assertSingleError(_ text: String, line: Int, column: Int, _ message: String, hint: String? = nil,
                       file: StaticString = #filePath, testLine: UInt = #line) {
    let found = diagnostics(text, file: file, line: testLine)
    guard found.count == 1, let only = found.first else {
        XCTFail("expected one diagnostic, got \(found.count):\n\(DiagnosticList(found))", file: file, line: testLine)
        return
    }
    assertDiagnostic(only, line: line, column: column, message, hint: hint, file: file, testLine: testLine)
}

/// Asserts one diagnostic's place and wording.
func assertDiagnostic(_ diagnostic: Diagnostic, line: Int, column: Int, _ message: String, hint: String? = nil,
                      file: StaticString = #filePath, testLine: UInt = #line) {
    XCTAssertEqual(diagnostic.location, SourceLocation(file: testPath, line: line, column: column),
                   "\(diagnostic)", file: file, line: testLine)
    XCTAssertTrue(diagnostic.message.contains(message), "message was: \(diagnostic.message)", file: file, line: testLine)
    XCTAssertEqual(diagnostic.severity, .error, file: file, line: testLine)
    if let hint {
        XCTAssertTrue(diagnostic.hint?.contains(hint) == true, "hint was: \(diagnostic.hint ?? "nil")", file: file, line: testLine)
    }
}

/// A notebook made of one cell, fenced with ``` and named `name`, whose body is `body`.
/// The fence is on line 1, so body line k is file line k + 1.
func cell(_ name: String, _ body: String) -> String {
    "```\(name)\n\(body)\(body.isEmpty || body.hasSuffix("\n") ? "" : "\n")```\n"
}

/// The directive of the only cell of `text`, when it parses.
func onlyDirective(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Directive? {
    guard let document = parsed(text, file: file, line: line) else { return nil }
    XCTAssertEqual(document.cells.count, 1, file: file, line: line)
    return document.cells.first?.directive
}

// MARK: - Typed access to directives (the model's enums have no Equatable conformance)

extension Directive {
    var load: LoadDirective? { if case .load(let value) = self { return value } else { return nil } }
    var preprocess: PreprocessDirective? { if case .preprocess(let value) = self { return value } else { return nil } }
    var build: BuildDirective? { if case .build(let value) = self { return value } else { return nil } }
    var fit: FitDirective? { if case .fit(let value) = self { return value } else { return nil } }
    var evaluate: EvaluateDirective? { if case .evaluate(let value) = self { return value } else { return nil } }
    var plot: PlotDirective? { if case .plot(let value) = self { return value } else { return nil } }
    var predict: PredictDirective? { if case .predict(let value) = self { return value } else { return nil } }
    var summary: SummaryDirective? { if case .summary(let value) = self { return value } else { return nil } }
    var save: SaveDirective? { if case .save(let value) = self { return value } else { return nil } }
}

extension LoadDirective.DataSource {
    var dataset: Located<DatasetName>? { if case .dataset(let value) = self { return value } else { return nil } }
    var path: Located<String>? { if case .path(let value) = self { return value } else { return nil } }
}

extension Block {
    var prose: Prose? { if case .prose(let value) = self { return value } else { return nil } }
    var cell: Cell? { if case .cell(let value) = self { return value } else { return nil } }
}

/// A location in the test notebook.
func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: testPath, line: line, column: column)
}
