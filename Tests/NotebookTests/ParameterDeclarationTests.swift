import XCTest
@testable import Notebook

/// The front matter's `params:` and the values given for them (`-p`, `--params`): types,
/// precedence, and a located diagnostic for every bad case.
final class ParameterDeclarationTests: XCTestCase {
    private func document(_ frontMatter: String, _ arguments: [String] = [], file: ParameterFile? = nil) throws -> Document {
        try NotebookParser.parse(source: "---\n\(frontMatter)---\nText.\n", path: testPath,
                                 parameters: ParameterOverrides(arguments: arguments, file: file))
    }

    private func problems(_ frontMatter: String, _ arguments: [String] = [], file: ParameterFile? = nil) -> [Diagnostic] {
        do {
            _ = try document(frontMatter, arguments, file: file)
            XCTFail("expected diagnostics")
        } catch let list as DiagnosticList {
            return list.diagnostics
        } catch {
            XCTFail("unexpected \(error)")
        }
        return []
    }

    private let declared = "params:\n  epochs: 10\n  rate: 0.001\n  shuffle: true\n  label: \"10\"\n  model: mlp\n"

    func testDefaultsAreTypedByHowTheyAreWritten() throws {
        let parsed = try document(declared)
        XCTAssertEqual(parsed.parameters.map(\.name), ["epochs", "rate", "shuffle", "label", "model"])
        XCTAssertEqual(parsed.parameters.map(\.value), [.integer(10), .number(0.001), .boolean(true), .string("10"), .string("mlp")])
        XCTAssertEqual(parsed.parameters.map(\.declaration), [at(3, 11), at(4, 9), at(5, 12), at(6, 10), at(7, 10)])
        XCTAssertTrue(parsed.parameters.allSatisfy { $0.source == .notebookDefault })
        XCTAssertTrue(parsed.notes.isEmpty, "params is a key Folio uses")
    }

    func testCommandLineValuesAreCheckedAgainstTheDefaultsType() throws {
        let parsed = try document(declared, ["epochs=3", "rate=3", "shuffle=FALSE", "label=ten", "model=1e-3", "rate=1e-3"])
        XCTAssertEqual(parsed.parameters.map(\.value), [.integer(3), .number(0.001), .boolean(false), .string("ten"), .string("1e-3")])
        XCTAssertTrue(parsed.parameters.allSatisfy { $0.source == .commandLine })
    }

    func testIllTypedCommandLineValuesNameTheArgumentAtTheDefault() {
        let found = problems(declared, ["epochs=3.5", "rate=fast", "shuffle=yes"])
        XCTAssertEqual(found.map(\.description), [
            "nb.md:3:11: error: -p epochs=3.5: 'epochs' takes an integer (its default is 10), got '3.5'\n    hint: write a whole number such as 3",
            "nb.md:4:9: error: -p rate=fast: 'rate' takes a number (its default is 0.001), got 'fast'\n    hint: write a number such as 3, 0.01 or 1e-3",
            "nb.md:5:12: error: -p shuffle=yes: 'shuffle' takes a boolean (its default is true), got 'yes'\n    hint: write true or false",
        ])
    }

    func testUnknownAndMalformedArgumentsAreReportedAtParams() {
        let found = problems(declared, ["epoch=3", "epochs"])
        XCTAssertEqual(found.map(\.description), [
            "nb.md:2:1: error: -p epochs: expected NAME=VALUE\n    hint: give a parameter's value as `-p NAME=VALUE`, e.g. `-p epochs=2`",
            "nb.md:2:1: error: -p epoch=3: the notebook has no parameter 'epoch'; did you mean 'epochs'?\n"
                + "    hint: its parameters (front matter `params:`): epochs, rate, shuffle, label, model",
        ])
        let undeclared = problems("title: T\n", ["epochs=3"])
        XCTAssertEqual(undeclared.map(\.description), [
            "nb.md:1:1: error: -p epochs=3: the notebook has no parameter 'epochs'\n"
                + "    hint: declare it in the front matter: `params:`, then `  epochs: DEFAULT` on the next line",
        ])
    }

    func testAMultiLineOrControlCharacterValueIsRefused() {
        let found = problems(declared, ["model=a\nb"])
        XCTAssertEqual(found.first?.location, at(7, 10))
        XCTAssertEqual(found.first?.message, "-p model=a\nb: a parameter value must be one line, without tabs or control characters")
    }

    func testBadDeclarationsAreErrorsWhereTheyAreWritten() {
        XCTAssertEqual(problems("params: 3\n").map(\.description),
                       ["nb.md:2:9: error: 'params' must be a mapping of parameter names to default values, got text\n"
                        + "    hint: write each parameter on its own line below `params:`, indented, e.g. `  epochs: 10`"])
        XCTAssertEqual(problems("params:\n").map(\.location), [at(2, 8)])
        XCTAssertEqual(problems("params:\n  - epochs\n").first?.message,
                       "'params' must be a mapping of parameter names to default values, got a list")
        let found = problems("params:\n  1st: 1\n  ok-name: 2\n  list: [1, 2]\n  table:\n    a: 1\n  empty:\n  nothing: ~\n")
        XCTAssertEqual(found.map(\.location), [at(3, 3), at(4, 3), at(5, 9), at(7, 5), at(8, 3), at(9, 3)], "\(DiagnosticList(found))")
        XCTAssertEqual(found.map(\.message), [
            "'1st' is not a parameter name", "'ok-name' is not a parameter name",
            "the default of 'list' must be a number, a boolean or text, got a list",
            "the default of 'table' must be a number, a boolean or text, got a mapping (`key: value` lines below it)",
            "parameter 'empty' has no default value", "parameter 'nothing' has no default value",
        ])
        XCTAssertEqual(problems("params:\n  a: 1\n  a: 2\n").map(\.description),
                       ["nb.md:4:3: error: 'a' is set twice (first on line 3)\n    hint: keep only one `a:` line"])
    }

    func testFileValuesComeBetweenDefaultsAndCommandLine() throws {
        let file = try parameterFile("epochs: 4\nrate: 0.5\n")
        let parsed = try document(declared, ["rate=0.25"], file: file)
        XCTAssertEqual(parsed.parameters.prefix(2).map(\.value), [.integer(4), .number(0.25)])
        XCTAssertEqual(parsed.parameters.prefix(3).map(\.source), [.file, .commandLine, .notebookDefault])
    }

    func testFileProblemsAreAtTheFilesLines() throws {
        let file = try parameterFile("# values\nepochs: many\nepoch: 3\n")
        let found = problems(declared, file: file)
        XCTAssertEqual(found.map(\.location), [SourceLocation(file: file.path, line: 2, column: 9),
                                               SourceLocation(file: file.path, line: 3, column: 1)])
        XCTAssertEqual(found.first?.hint, "write a whole number such as 3 ('epochs' is declared at nb.md:3:11)")
        XCTAssertEqual(found.last?.message, "the notebook has no parameter 'epoch'; did you mean 'epochs'?")
    }

    func testMalformedFilesAreRefusedWithTheirLocation() throws {
        for (text, line, column, message) in [
            ("- 1\n- 2\n", 1, 1, "the parameters file must be a mapping of names to values, got a list"),
            ("epochs: [1, 2]\n", 1, 9, "the value of 'epochs' must be a number, a boolean or text, got a list"),
            ("epochs:\n", 1, 1, "'epochs' has no value"),
            ("epochs: 1\nepochs: 2\n", 2, 1, "'epochs' is set twice (first on line 1)"),
            ("epochs: \"1\n", 1, 9, "the parameters file is not valid YAML"),
            ("", 1, 1, "the parameters file is empty"),
        ] as [(String, Int, Int, String)] {
            XCTAssertThrowsError(try parameterFile(text), text) { error in
                let list = error as? DiagnosticList
                XCTAssertEqual(list?.diagnostics.count, 1, "\(error)")
                XCTAssertEqual(list?.diagnostics.first?.location.line, line, "\(error)")
                XCTAssertEqual(list?.diagnostics.first?.location.column, column, "\(error)")
                XCTAssertTrue(list?.diagnostics.first?.message.hasPrefix(message) == true, "\(error)")
            }
        }
        XCTAssertThrowsError(try ParameterFile.read(path: "/nonexistent/params.yaml")) { error in
            XCTAssertEqual("\(error)", "/nonexistent/params.yaml:1:1: error: no such parameters file\n    hint: check the path and the current folder")
        }
    }

    private func parameterFile(_ text: String) throws -> ParameterFile {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("params-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try ParameterFile.read(path: url.path)
    }
}
