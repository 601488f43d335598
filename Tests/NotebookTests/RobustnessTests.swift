import XCTest
@testable import Notebook

/// Odd and hostile inputs end in a document or in diagnostics: never a crash, never a hang.
final class RobustnessTests: XCTestCase {
    /// Parses `text` and checks the invariants every outcome must keep.
    /// Parses `text` and checks the invariants every outcome must keep; returns whether it parsed.
    @discardableResult
    private func check(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        let lineCount = SourceText(bytes: Array(text.utf8), path: testPath).lineCount
        do {
            let document = try NotebookParser.parse(source: text, path: testPath)
            for (offset, cell) in document.cells.enumerated() {
                XCTAssertEqual(cell.index, offset + 1, file: file, line: line)
                XCTAssertTrue((1...max(1, lineCount)).contains(cell.location.line), "\(cell.location)", file: file, line: line)
            }
            return true
        } catch let list as DiagnosticList {
            XCTAssertFalse(list.diagnostics.isEmpty, file: file, line: line)
            let places = list.diagnostics.map { ($0.location.line, $0.location.column) }
            XCTAssertTrue(zip(places, places.dropFirst()).allSatisfy { $0 <= $1 }, "not in source order", file: file, line: line)
            for diagnostic in list.diagnostics {
                XCTAssertTrue(diagnostic.location.line >= 1 && diagnostic.location.line <= max(1, lineCount),
                              "\(diagnostic)", file: file, line: line)
                XCTAssertGreaterThanOrEqual(diagnostic.location.column, 1, file: file, line: line)
                XCTAssertFalse(diagnostic.message.isEmpty, file: file, line: line)
            }
        } catch {
            XCTFail("unexpected error type: \(error)", file: file, line: line)
        }
        return false
    }

    func testThousandsOfMutationsOfTheExample() {
        var mutator = NotebookMutator(generator: SeededGenerator(seed: 42))
        var text = ExampleNotebook.text
        var parsedCount = 0
        for round in 0..<3000 {
            // Mostly fresh mutations of the example, sometimes mutations piled on mutations.
            text = mutator.mutate(round % 4 == 0 ? text : ExampleNotebook.text)
            if check(text) { parsedCount += 1 }
        }
        // Both outcomes must be well represented, or the mutations are not exercising the parser.
        XCTAssertGreaterThan(parsedCount, 300)
        XCTAssertLessThan(parsedCount, 2700)
    }

    func testMutationsOfTheCNNExample() {
        var mutator = NotebookMutator(generator: SeededGenerator(seed: 3))
        var text = ExampleNotebook.cnnText
        var parsedCount = 0
        for round in 0..<2000 {
            text = mutator.mutate(round % 4 == 0 ? text : ExampleNotebook.cnnText)
            if check(text) { parsedCount += 1 }
        }
        XCTAssertGreaterThan(parsedCount, 100)
        XCTAssertLessThan(parsedCount, 1900)
    }

    func testHostileLayerLines() {
        let lines = [
            "conv2d", "conv2d =", "conv2d 3 3 ==", "conv2d 3 3 a=b=c", "dense 1 input=" + String(repeating: "9x", count: 10_000) + "9",
            "maxpool " + String(repeating: "x", count: 5_000), "dropout 0.5 " + String(repeating: "input=1 ", count: 2_000),
            "leaky_relu " + String(repeating: "9", count: 400), "conv2d 1 99999999999999999999x99999999999999999999",
            "dense 1 init=", "dense 1 activation=", "conv2d 1 1 padding=", "=", "relu\t=\t", "batchnorm input=0x0x0",
        ]
        for line in lines { check(cell("build", line)) }
        check(cell("preprocess", "reshape: " + String(repeating: "28x", count: 10_000) + "1"))
        check(cell("load", "model: " + String(repeating: "m", count: 50_000)))
    }

    func testRandomGarbage() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let length = Int.random(in: 0...300, using: &generator)
            let scalars = (0..<length).compactMap { _ in Unicode.Scalar(UInt32.random(in: 0...0x2FF, using: &generator)) }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            check(String(view))
        }
    }

    func testOddShapes() {
        let shapes = [
            "", "\n", "\r\n\r\n", "---", "---\n", "---\n---", "...\n", "`", "``", "```", "````\n```", "~~~", "```fit",
            "```fit\n", "```fit\nloss: categorical_crossentropy", "```evaluate\r```", "```build\n\t\tdense\t10\trelu\t\n```",
            "```predict\nimage:\t🙂.png\n```", "```plot\n,,,\n```", "```plot\n" + String(repeating: ",", count: 5000) + "\n```",
            "\u{FEFF}```evaluate\n```", "```fit\nloss: categorical_crossentropy\nepochs: " + String(repeating: "9", count: 500) + "\n```",
            "```load\n" + String(repeating: "a", count: 100_000) + ": x\n```",
            "```" + String(repeating: "x", count: 50_000) + "\n```", String(repeating: "`", count: 100_000),
            String(repeating: ">", count: 20_000) + " ```fit\n", String(repeating: "- ", count: 5_000) + "```plot\n",
            String(repeating: "[", count: 20_000), String(repeating: "\u{0}", count: 1_000),
        ]
        for shape in shapes { check(shape) }
    }

    /// 20,000 lines, under the 256 KB cap (MarkdownLimits.maximumSize).
    func testTwentyThousandLinesParseQuickly() throws {
        var lines: [String] = []
        for index in 0..<4_000 {
            lines += ["Prose \(index)", "```fit", "loss: mse", "epochs: \(index % 100 + 1)", "```"]
        }
        let text = lines.joined(separator: "\n")
        let start = Date()
        let document = try NotebookParser.parse(source: text, path: testPath)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(document.cells.count, 4_000)
        XCTAssertEqual(document.blocks.count, 8_000)
        XCTAssertEqual(document.cells.last?.location, at(19_997, 1))
        XCTAssertLessThan(seconds, 20, "debug-build parse of 20k lines took \(seconds) s")
    }

    func testManyErrorsAreAllCollected() {
        let text = String(repeating: "```fit\nepochs: 0\n```\n", count: 2_000)
        XCTAssertEqual(diagnostics(text).count, 4_000)
    }
}
