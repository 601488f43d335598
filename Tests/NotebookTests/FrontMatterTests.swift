import XCTest
@testable import Notebook

final class FrontMatterTests: XCTestCase {
    func testDefaultsWithoutFrontMatter() throws {
        let document = try XCTUnwrap(parsed("Just prose.\n"))
        XCTAssertNil(document.title)
        XCTAssertEqual(document.seed, 42)
        XCTAssertFalse(document.seedIsExplicit)
    }

    func testTitleQuotesCommentsAndBlankLines() throws {
        let text = "---\n# a comment\n\ntitle: \"Digits: a # tour\"   # trailing comment\nseed: 0\n---\nText.\n"
        let document = try XCTUnwrap(parsed(text))
        XCTAssertEqual(document.title, "Digits: a # tour")
        XCTAssertEqual(document.seed, 0)
        XCTAssertTrue(document.seedIsExplicit)
        XCTAssertEqual(try XCTUnwrap(parsed("---\ntitle: 'Single'\n---\n")).title, "Single")
        XCTAssertEqual(try XCTUnwrap(parsed("---\ntitle: Plain words # note\n---\n")).title, "Plain words")
    }

    func testLargestSeedAndDotsClosing() throws {
        let document = try XCTUnwrap(parsed("---\nseed: 9223372036854775807\n...\n"))
        XCTAssertEqual(document.seed, 9_223_372_036_854_775_807)
        XCTAssertEqual(document.blocks.count, 0)
    }

    func testTitleFromFirstLevelOneHeading() throws {
        let text = "## Not this\n\n# The *real* `title`\n\n# Not this either\n"
        XCTAssertEqual(try XCTUnwrap(parsed(text)).title, "The real title")
        XCTAssertEqual(try XCTUnwrap(parsed("Setext\n======\n")).title, "Setext")
        XCTAssertEqual(try XCTUnwrap(parsed("---\ntitle: Given\n---\n# Heading\n")).title, "Given")
        XCTAssertNil(try XCTUnwrap(parsed("> # Quoted heading\n")).title)
    }

    func testSeedOutOfRange() {
        assertSingleError("---\nseed: 9223372036854775808\n---\n", line: 2, column: 7,
                          "'seed' must be an integer from 0 to 9223372036854775807, got '9223372036854775808'")
        assertSingleError("---\nseed: -1\n---\n", line: 2, column: 7, "'seed' must be an integer")
        assertSingleError("---\nseed:    4.5\n---\n", line: 2, column: 10, "got '4.5'")
    }

    func testDuplicateKeyPointsAtTheSecond() {
        assertSingleError("---\nseed: 1\ntitle: T\nseed: 2\n---\n", line: 4, column: 1, "'seed' is set twice (first on line 2)")
    }

    func testEmptyValue() {
        assertSingleError("---\ntitle:\nseed: 3\n---\n", line: 2, column: 7, "'title' has no value")
    }

    func testUnterminatedFrontMatter() {
        assertSingleError("---\ntitle: X\n# Heading\n```fit\nbad\n```\n", line: 1, column: 1, "never closed",
                          hint: "end it with a line `---`")
    }

    func testThematicBreakLaterIsNotFrontMatter() throws {
        let document = try XCTUnwrap(parsed("Intro\n\n---\n\nMore\n"))
        XCTAssertEqual(document.blocks.count, 1)
        XCTAssertEqual(document.blocks.first?.prose?.startLine, 1)
    }
}
