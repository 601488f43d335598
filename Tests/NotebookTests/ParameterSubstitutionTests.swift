import XCTest
@testable import Notebook

/// `{{ name }}` in cell bodies and prose: what is replaced, what is left alone, and where
/// problems are reported (always in the notebook as written).
final class ParameterSubstitutionTests: XCTestCase {
    private let header = "---\nparams:\n  epochs: 3\n  learning_rate: 0.01\n  units: 16\n  name: fashion\n---\n"

    private func parse(_ body: String, _ arguments: [String] = []) throws -> Document {
        try NotebookParser.parse(source: header + body, path: testPath, parameters: ParameterOverrides(arguments: arguments))
    }

    private func problems(_ body: String, _ arguments: [String] = []) -> [Diagnostic] {
        do {
            _ = try parse(body, arguments)
            XCTFail("expected diagnostics")
        } catch let list as DiagnosticList {
            return list.diagnostics
        } catch {
            XCTFail("unexpected \(error)")
        }
        return []
    }

    func testCellBodyGetsTheValuesAsWritten() throws {
        let document = try parse(cell("fit", "loss: mean_squared_error\nepochs: {{ epochs }}\nlearning_rate: {{learning_rate}}"))
        let cell = try XCTUnwrap(document.cells.first)
        XCTAssertEqual(cell.directive.fit?.epochs, 3)
        XCTAssertEqual(cell.directive.fit?.learningRate, 0.01)
        XCTAssertEqual(cell.source, "loss: mean_squared_error\nepochs: 3\nlearning_rate: 0.01\n")
    }

    func testSpacesInsideTheBracesAreOptional() throws {
        let document = try parse(cell("fit", "loss: mean_squared_error\nepochs: {{epochs   }}\nbatch_size: {{\tunits}}"))
        XCTAssertEqual(document.cells.first?.directive.fit?.epochs, 3)
        XCTAssertEqual(document.cells.first?.directive.fit?.batchSize, 16)
    }

    func testCommandLineValueReplacesTheDefault() throws {
        let document = try parse(cell("fit", "loss: mean_squared_error\nepochs: {{ epochs }}"), ["epochs=12"])
        XCTAssertEqual(document.cells.first?.directive.fit?.epochs, 12)
        XCTAssertEqual(document.parameters.first, Parameter(name: "epochs", value: .integer(12), source: .commandLine,
                                                            declaration: at(3, 11)))
        XCTAssertEqual(document.parameters.map(\.source), [.commandLine, .notebookDefault, .notebookDefault, .notebookDefault])
    }

    func testLayerLinesAndLocationsAfterASubstitution() throws {
        // `{{ units }}` (11 bytes) becomes `16` (2 bytes): `relu` moves 9 columns left, and back.
        let document = try parse(cell("build", "dense {{ units }} relu input=784\ndense 10 softmax"))
        let layers = try XCTUnwrap(document.cells.first?.directive.build?.layers)
        XCTAssertEqual(layers.first?.value.kind, .dense(units: 16, activation: .relu))
        XCTAssertEqual(layers.first?.location, at(9, 1))
        let unknown = problems(cell("build", "dense {{ units }} rleu input=784"))
        XCTAssertEqual(unknown.count, 1)
        XCTAssertEqual(unknown.first?.location, at(9, 19), "\(unknown)")
    }

    func testErrorInASubstitutedValuePointsAtItsPlaceholder() {
        // epochs = "ten" is longer than nothing, shorter than `{{ epochs }}`: the error is at the `{{`.
        let found = problems(cell("fit", "loss: mean_squared_error\nepochs:   {{ name }}  # the count"))
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location, at(10, 11), "\(found)")
        XCTAssertTrue(found.first?.message.contains("'fashion'") == true, "\(found)")
    }

    func testErrorAfterALongerValueKeepsItsOriginalColumn() {
        // `{{n}}` (5 bytes) becomes `100000` (6 bytes); the unknown key `zz=` after it stays at column 18.
        let text = "---\nparams:\n  n: 10\n---\n" + cell("build", "dense {{n}} relu zz=3")
        do {
            _ = try NotebookParser.parse(source: text, path: testPath, parameters: ParameterOverrides(arguments: ["n=100000"]))
            XCTFail("expected a diagnostic")
        } catch let list as DiagnosticList {
            XCTAssertEqual(list.diagnostics.map(\.location), [at(6, 18)], "\(list)")
        } catch { XCTFail("\(error)") }
    }

    func testUnknownNameIsAnErrorAtItsBraces() {
        let found = problems(cell("fit", "loss: mean_squared_error\nepochs: {{ epoch }}") + "\nSee {{ lerning_rate }}.\n")
        XCTAssertEqual(found.count, 2, "\(found)")
        XCTAssertEqual(found.map(\.location), [at(10, 9), at(13, 5)])
        XCTAssertEqual(found.first?.message, "unknown parameter 'epoch'; did you mean 'epochs'?")
        XCTAssertEqual(found.last?.message, "unknown parameter 'lerning_rate'; did you mean 'learning_rate'?")
        XCTAssertEqual(found.first?.hint, "the notebook's parameters: epochs, learning_rate, name, units; write `\\{{` for literal braces")
    }

    func testEscapedBracesInACellBodyWriteBraces() throws {
        let document = try parse(cell("save", "path: \\{{ epochs }}.safetensors"))
        XCTAssertEqual(document.cells.first?.directive.save?.path.value, "{{ epochs }}.safetensors")
        XCTAssertEqual(document.cells.first?.directive.save?.path.location, at(9, 7))
    }

    func testProseGetsTheValuesEscapedForMarkdown() throws {
        let document = try parse("We train {{ epochs }} epochs at {{learning_rate}} on {{ name }}.\n")
        XCTAssertEqual(document.blocks.first?.prose?.markdown, "We train 3 epochs at 0\\.01 on fashion.\n")
        XCTAssertEqual(document.blocks.first?.prose?.startLine, 8)
    }

    func testCodeSpansFencesEscapesAndShortcodesAreLeftAsWritten() throws {
        let prose = """
        Run `-p epochs={{ epochs }}` or ``a ` {{ epochs }}``; \\{{ epochs }} and {{< meta title >}} and {{ 1x }}.

        ```python
        print("{{ epochs }}")
        ```

            {{ indented_code }}

        <!-- {{ html_comment }} -->

        - a list item
          ~~~
          {{ nothing }}
          ~~~

        Done: {{ epochs }}.
        """
        let document = try parse(prose + "\n")
        let markdown = try XCTUnwrap(document.blocks.first?.prose?.markdown)
        XCTAssertEqual(markdown, prose.replacingOccurrences(of: "Done: {{ epochs }}.", with: "Done: 3.") + "\n")
    }

    func testUnclosedBacktickDoesNotHideAPlaceholder() throws {
        let document = try parse("A lone ` then {{ epochs }}.\n")
        XCTAssertEqual(document.blocks.first?.prose?.markdown, "A lone ` then 3.\n")
    }

    func testAFirstHeadingTitleIsSubstituted() throws {
        let document = try parse("# Training for {{ epochs }} epochs\n\nText.\n")
        XCTAssertEqual(document.title, "Training for 3 epochs")
        XCTAssertEqual(document.titleHeadingLine, 8)
    }

    func testProseImageLocationsPointAtTheTextAsWritten() throws {
        let document = try parse("{{ name }} {{ name }} ![x](images/{{ name }}.png)\n")
        XCTAssertEqual(document.proseImages, [ProseImage(url: "images/fashion.png", location: at(8, 23))])
    }

    func testNumbersAreWrittenInTheirShortestForm() {
        XCTAssertEqual(ParameterValue.integer(2).text, "2")
        XCTAssertEqual(ParameterValue.number(2).text, "2")
        XCTAssertEqual(ParameterValue.number(0.01).text, "0.01")
        XCTAssertEqual(ParameterValue.number(0.1 + 0.2).text, "0.30000000000000004")
        XCTAssertEqual(ParameterValue.number(1e-5).text, "1e-05")
        XCTAssertEqual(ParameterValue.number(1e300).text, "1e+300")
        XCTAssertEqual(ParameterValue.boolean(false).text, "false")
    }

    func testColumnMapMovesColumnsBackToTheTextAsWritten() {
        var map = ColumnMap()
        // `ab{{ x }}cd` → `abVALUEcd`: original 2..<9 became 2..<7.
        map.record([ColumnMap.Replacement(original: 2..<9, replaced: 2..<7)], line: 4)
        XCTAssertEqual((1...10).map { map.originalColumn(line: 4, column: $0) }, [1, 2, 3, 3, 3, 3, 3, 10, 11, 12])
        XCTAssertEqual(map.originalColumn(line: 5, column: 6), 6)
    }

    func testValuesAreBoundedAndTheNotebookStaysWithinItsSizeLimit() {
        let long = String(repeating: "x", count: 1_000)
        let found = problems(String(repeating: "{{ name }}\n", count: 300), ["name=" + long])
        XCTAssertEqual(found.count, 1, "\(DiagnosticList(found))")
        XCTAssertEqual(found.first?.message,
                       "with its parameters' values the notebook is larger than 256 KB (it passes the limit here)")
        XCTAssertEqual(found.first?.location.column, 1)
        XCTAssertEqual(problems("{{ name }}\n", ["name=" + long + "x"]).first?.message,
                       "-p name=\(long)x: a parameter value is at most 1000 bytes long")
    }
}
