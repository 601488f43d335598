import XCTest
@testable import Notebook

/// How prose runs are cut between cells, and which fenced blocks stay prose.
final class ProseTests: XCTestCase {
    func testRunsBetweenCellsKeepTheirExactText() throws {
        let text = """
        # Title

        Some *text*.
        [ref]: https://example.com

        ```evaluate
        ```


        - item one
        - item two

        ```python
        print("shown as code")
        ```
        ```plot
        ```
        Trailing words.
        """
        let document = try XCTUnwrap(parsed(text))
        XCTAssertEqual(document.blocks.count, 5)
        guard document.blocks.count == 5 else { return }
        XCTAssertEqual(document.blocks[0].prose, Prose(markdown: "# Title\n\nSome *text*.\n[ref]: https://example.com\n", startLine: 1))
        XCTAssertEqual(document.blocks[1].cell?.location, at(6, 1))
        XCTAssertEqual(document.blocks[2].prose,
                       Prose(markdown: "- item one\n- item two\n\n```python\nprint(\"shown as code\")\n```\n", startLine: 10))
        XCTAssertEqual(document.blocks[3].cell?.name, "plot")
        XCTAssertEqual(document.blocks[4].prose, Prose(markdown: "Trailing words.", startLine: 18))
    }

    func testLineNumbersCountTheFrontMatter() throws {
        let body = "Intro.\n```evaluate\n```\nOutro.\n"
        let plain = try XCTUnwrap(parsed(body))
        let withMatter = try XCTUnwrap(parsed("---\ntitle: T\n\nseed: 7\n---\n" + body))
        XCTAssertEqual(plain.blocks.first?.prose?.startLine, 1)
        XCTAssertEqual(plain.cells.first?.location, at(2, 1))
        XCTAssertEqual(plain.blocks.last?.prose, Prose(markdown: "Outro.\n", startLine: 4))
        XCTAssertEqual(withMatter.blocks.first?.prose, Prose(markdown: "Intro.\n", startLine: 6))
        XCTAssertEqual(withMatter.cells.first?.location, at(7, 1))
        XCTAssertEqual(withMatter.blocks.last?.prose?.startLine, 9)
    }

    func testFrontMatterIsNotProse() throws {
        let document = try XCTUnwrap(parsed("---\ntitle: T\n---\n\n\n```evaluate\n```\n"))
        XCTAssertEqual(document.blocks.count, 1)
        XCTAssertNotNil(document.blocks.first?.cell)
    }

    func testLanguageAndBareFencesAreProse() throws {
        for info in ["", "python", "Python", "text", "console", "c++", "{python}", "{.python}", "json title=\"x\"", "language-bash"] {
            let document = try XCTUnwrap(parsed("```\(info)\nfit: 1\n```\n"), "info \(info)")
            XCTAssertEqual(document.cells.count, 0, "info \(info)")
            XCTAssertEqual(document.blocks.count, 1, "info \(info)")
        }
    }

    func testDirectiveFencesInsideContainersAreProse() throws {
        let text = "- item\n\n  ```fit\n  nonsense\n  ```\n\n> ```build\n> nonsense\n> ```\n"
        let document = try XCTUnwrap(parsed(text))
        XCTAssertEqual(document.cells.count, 0)
        XCTAssertEqual(document.blocks.count, 1)
    }

    func testTildeFencesAndIndentedFencesAreCells() throws {
        let text = "~~~evaluate\n~~~\n   ```plot\n   loss\n   ```\n"
        let document = try XCTUnwrap(parsed(text))
        XCTAssertEqual(document.cells.map(\.name), ["evaluate", "plot"])
        XCTAssertEqual(document.cells.last?.location, at(3, 4))
        XCTAssertEqual(document.cells.last?.source, "   loss\n")
        XCTAssertEqual(document.cells.last?.directive.plot?.charts, [Located(.loss, at: at(4, 4))])
    }

    func testAShorterFenceDoesNotCloseALongerOne() throws {
        assertSingleError("````predict\nimage: a.png\n```\n````\n", line: 3, column: 1, "expected an option written as `key: value`")
        let document = try XCTUnwrap(parsed("````predict\nimage: a.png\n# ```\n````\n"))
        XCTAssertEqual(document.cells.first?.source, "image: a.png\n# ```\n")
    }

    func testUnclosedCellRunsToTheEndOfTheFile() throws {
        let document = try XCTUnwrap(parsed("Intro\n```plot\nloss\n\naccuracy\n"))
        XCTAssertEqual(document.blocks.count, 2)
        let plot = try XCTUnwrap(document.cells.last)
        XCTAssertEqual(plot.source, "loss\n\naccuracy\n")
        XCTAssertEqual(plot.directive.plot?.charts.map(\.value), [.loss, .accuracy])
        XCTAssertEqual(try XCTUnwrap(parsed("```evaluate")).cells.first?.source, "")
    }

    func testCRLFLineEndings() throws {
        let text = "Intro\r\n```fit\r\nloss: categorical_crossentropy\r\nepochs: 3\r\n```\r\nEnd\r\n"
        let document = try XCTUnwrap(parsed(text))
        XCTAssertEqual(document.cells.first?.location, at(2, 1))
        XCTAssertEqual(document.cells.first?.directive.fit?.epochs, 3)
        XCTAssertEqual(document.blocks.last?.prose, Prose(markdown: "End\r\n", startLine: 6))
        assertSingleError("a\r\n```fit\r\nloss: categorical_crossentropy\r\nepochs: x\r\n```\r\n", line: 4, column: 9, "got 'x'")
    }
}
