import XCTest
@testable import Notebook

/// The small text tools the grammars rest on.
final class TextToolTests: XCTestCase {
    func testSuggestions() {
        XCTAssertEqual(Suggestion.closest(to: "plto", among: Directive.allNames), "plot")
        XCTAssertEqual(Suggestion.closest(to: "Fit", among: Directive.allNames), "fit")
        XCTAssertEqual(Suggestion.closest(to: "preproces", among: Directive.allNames), "preprocess")
        XCTAssertNil(Suggestion.closest(to: "train", among: Directive.allNames))
        XCTAssertEqual(Suggestion.closest(to: "fat", among: ["fit"]), "fit")
        XCTAssertNil(Suggestion.closest(to: "xyz", among: ["fit"]))
        XCTAssertEqual(Suggestion.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)), 3)
        XCTAssertEqual(Suggestion.editDistance(Array("ab".unicodeScalars), Array("ba".unicodeScalars)), 1)
        XCTAssertEqual(Suggestion.editDistance([], Array("abc".unicodeScalars)), 3)
    }

    func testNumbers() {
        for (text, value) in [("10", 10.0), ("0.1", 0.1), ("1e-3", 0.001), (".5", 0.5), ("5.", 5), ("-2", -2), ("+1E2", 100)] {
            XCTAssertEqual(ValueSyntax.number(text), value, text)
        }
        for text in ["", ".", "e3", "1e", "inf", "nan", "infinity", "0x1p3", "1,5", "1 000", "--1", "1e+", "١"] {
            XCTAssertNil(ValueSyntax.number(text), text)
        }
        XCTAssertEqual(ValueSyntax.number("1e999"), .infinity)
    }

    func testIntegers() {
        XCTAssertEqual(ValueSyntax.integer("42"), 42)
        XCTAssertEqual(ValueSyntax.integer("-7"), -7)
        XCTAssertEqual(ValueSyntax.integer("+7"), 7)
        for text in ["", "+", "1.0", "1e3", "1_000", "0x10", "+-1", "99999999999999999999", " 1"] {
            XCTAssertNil(ValueSyntax.integer(text), text)
        }
    }

    func testLinesAndPositions() {
        let text = SourceText(bytes: Array("a\r\nb\rc\nd".utf8), path: "p")
        XCTAssertEqual(text.lineCount, 4)
        XCTAssertEqual((1...4).map { String(decoding: text.line($0), as: UTF8.self) }, ["a", "b", "c", "d"])
        XCTAssertEqual(text.text(lines: 2, through: 3), "b\rc\n")
        XCTAssertTrue(text.position(ofOffset: 7) == (4, 1))
        XCTAssertTrue(text.position(ofOffset: 4) == (2, 2))
        XCTAssertEqual(SourceText(bytes: Array("x\n".utf8), path: "p").lineCount, 1)
        XCTAssertEqual(SourceText(bytes: [], path: "p").lineCount, 0)
    }

    func testCommaSeparatedAndComments() {
        let line = Array(" a , b,,c  # d".utf8)
        let end = LineScanner.contentEnd(line, from: 0)
        XCTAssertEqual(LineScanner.commaSeparated(line, from: 0, to: end), [Token("a", column: 2), Token("b", column: 6), Token("c", column: 9)])
        XCTAssertEqual(LineScanner.contentEnd(Array("C# notes".utf8), from: 0), 8)
    }
}
