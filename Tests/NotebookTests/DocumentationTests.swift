import XCTest
@testable import Notebook

/// docs/notebook-format.md agrees with the parser: its notebook examples parse, the complete
/// example is the design's example notebook verbatim (see docs/architecture.md), and every option the grammars know is documented.
final class DocumentationTests: XCTestCase {
    private func reference() throws -> String {
        let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        let docs = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/notebook-format.md")
        return try String(contentsOf: docs, encoding: .utf8)
    }

    /// The bodies of the ````markdown blocks (four backticks: they hold whole cells).
    private func notebookExamples(in text: String) -> [String] {
        text.components(separatedBy: "````markdown\n").dropFirst().compactMap { $0.components(separatedBy: "\n````").first }
            .map { $0 + "\n" }
    }

    func testEveryNotebookExampleParses() throws {
        let examples = notebookExamples(in: try reference())
        XCTAssertGreaterThanOrEqual(examples.count, 10)
        for example in examples {
            XCTAssertNoThrow(try NotebookParser.parse(source: example, path: "doc.md"), example)
        }
    }

    func testTheCNNNotebookIsDocumented() throws {
        XCTAssertTrue(notebookExamples(in: try reference()).contains(ExampleNotebook.cnnText))
    }

    func testTheCompleteExampleIsTheArchitectureExample() throws {
        XCTAssertEqual(notebookExamples(in: try reference()).first, ExampleNotebook.text)
    }

    func testEveryOptionIsDocumented() throws {
        let text = try reference()
        let names = LoadGrammar.keys + PreprocessGrammar.keys + FitGrammar.keys + PredictGrammar.keys + SaveGrammar.keys
            + FrontMatter.keys + DisplayOptionsGrammar.keys + Directive.allNames + ActivationName.allCases.map(\.rawValue)
            + PlotDirective.Chart.allCases.map(\.rawValue) + DatasetName.allCases.map(\.rawValue)
            + LossName.allCases.map(\.rawValue) + FitGrammar.lossAliases.keys.sorted()
            + FitDirective.Optimizer.allCases.map(\.rawValue) + InitializerName.allCases.map(\.rawValue)
            + PaddingName.allCases.map(\.rawValue) + LayerSyntax.allTypeNames + LayerSyntax.allKeys.map { $0 + "=" }
        for name in names {
            XCTAssertTrue(text.contains("`\(name)`"), "`\(name)` is not in docs/notebook-format.md")
        }
        for language in CodeLanguages.names {
            XCTAssertTrue(text.contains("`\(language)`"), "language `\(language)` is not listed in the docs")
        }
    }
}
