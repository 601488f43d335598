import Foundation
import XCTest
import Notebook
@testable import Runner
@testable import Report

/// The report reads like a page of a book: headings with stable unique ids and `#` links, a table of
/// contents when there are at least two, numbered and linkable figures, and footnotes that link both ways.
final class ReportOutlineTests: XCTestCase {
    private static let lesson = """
    ---
    title: A lesson
    ---
    # A lesson

    Intro.[^why]

    ## The data
    ```load
    dataset: mnist
    ```
    ## Über die Daten!
    ### The data
    ```plot
    #| fig-cap: How it learned
    loss, accuracy
    ```
    ## Cell 1
    ```predict
    image: a.png
    ```
    ## The data

    A second note.[^why] And another.[^2]

    [^why]: Because the curves tell.
    [^2]: Numbers as labels work too.
    """

    private func render(_ text: String) throws -> String {
        let document = try NotebookParser.parse(source: text, path: "nb.md")
        return try SampleRuns.render(SampleRuns.successful(document))
    }

    func testHeadingsGetUniqueStableIDsAndTheContentsListThem() throws {
        let structure = ReportStructure(html: try render(Self.lesson))
        Golden.assertMatches(structure.description, "outline.txt")
        XCTAssertEqual(structure.toc, ["1 #the-data The data", "1 #über-die-daten Über die Daten!", "2 #the-data-1 The data",
                                       "1 #section-cell-1 Cell 1", "1 #the-data-2 The data"])
    }

    func testEveryHeadingLinksToItself() throws {
        let html = try render(Self.lesson)
        XCTAssertTrue(html.contains("<h2 id=\"the-data\">The data <a class=\"heading-anchor\" href=\"#the-data\" aria-label=\"Link to this section\">#</a></h2>"), html)
        let ids = HTMLText.all(html, pattern: " id=\"([^\"]*)\"").map { $0[0] }
        XCTAssertEqual(ids.count, Set(ids).count, "ids are unique: \(ids)")
        XCTAssertEqual(try render(Self.lesson), html, "the same notebook gives the same ids")
    }

    func testAFootnoteMarkIsNotPartOfAHeadingsName() throws {
        let html = try render("## Results[^1]\n\n## More\n\n[^1]: On the test set.\n")
        XCTAssertTrue(html.contains("<h2 id=\"results\">Results<sup class=\"footnote-ref\">"), html)
        XCTAssertEqual(ReportStructure(html: html).toc, ["1 #results Results", "1 #more More"])
    }

    func testNoContentsForFewerThanTwoHeadings() throws {
        XCTAssertFalse(try render("# Only the title\n\n## One section\n\nText.\n").contains("<nav"))
        XCTAssertTrue(try render("## One\n\n## Two\n").contains("<nav class=\"toc\""))
    }

    func testThePadIsTheLastEntryOfTheContentsHiddenUntilItsScriptRuns() throws {
        let document = try NotebookParser.parse(source: Self.lesson + "\n## Try the model\n", path: "nb.md")
        var record = SampleRuns.successful(document)
        record.pad = .drawable(DrawableModel(
            inputShape: [784], scale: 255, preparation: "digit", classNames: ["zero", "one"],
            layers: [DrawableModel.Layer(kind: "dense", units: 2, activation: "softmax", outputShape: [2], weightCounts: [1568, 2])],
            weights: [Float](repeating: 0.5, count: 1570)))
        let html = try SampleRuns.render(record)
        XCTAssertTrue(html.contains("<li class=\"toc-depth-1\"><a href=\"#section-try-the-model\">Try the model</a></li>"),
                      "the author's heading keeps its own id")
        XCTAssertTrue(html.contains("<li class=\"toc-depth-1\" hidden><a href=\"#try-the-model\">Try the model</a></li></ol>"),
                      "the pad's entry comes last, hidden until pad.js reveals it with the section")
        XCTAssertEqual(html.components(separatedBy: "id=\"try-the-model\"").count - 1, 1, "one element has the pad's id")
    }

    func testSlugs() {
        XCTAssertEqual(HeadingSlugger.slug("Hello, World!"), "hello-world")
        XCTAssertEqual(HeadingSlugger.slug("Über die Daten"), "über-die-daten")
        XCTAssertEqual(HeadingSlugger.slug("数字 認識"), "数字-認識")
        XCTAssertEqual(HeadingSlugger.slug("snake_case and-dash"), "snake_case-and-dash")
        XCTAssertEqual(HeadingSlugger.slug("?!"), "section")
        XCTAssertEqual(HeadingSlugger.slug("Figure 2"), "section-figure-2")
        XCTAssertEqual(HeadingSlugger.slug("figure-two"), "figure-two")
        XCTAssertEqual(HeadingSlugger.slug("Contents"), "section-contents")
        XCTAssertEqual(HeadingSlugger.slug("Section"), "section")
        XCTAssertEqual(HeadingSlugger.slug("Contents title"), "section-contents-title")
        XCTAssertEqual(HeadingSlugger.slug("fn 1"), "section-fn-1")
        // The pad's section and its elements: a heading "Try the model" must not take the pad's id.
        XCTAssertEqual(HeadingSlugger.slug("Try the model"), "section-try-the-model")
        XCTAssertEqual(HeadingSlugger.slug("Folio pad canvas"), "section-folio-pad-canvas")
        var slugger = HeadingSlugger()
        XCTAssertEqual(["A", "A", "a", "A-1", "?", "?"].map { slugger.id(for: $0) }, ["a", "a-1", "a-2", "a-1-1", "section", "section-1"])
    }

    func testFiguresAreNumberedInOrderWithCaptions() throws {
        let structure = ReportStructure(html: try render(Self.lesson))
        let charts = structure.cells.flatMap(\.outputs).filter { $0.hasPrefix("chart") }
        XCTAssertEqual(charts, ["chart #figure-1: Figure 1: How it learned — Loss per epoch",
                                "chart #figure-2: Figure 2: How it learned — Accuracy per epoch"])
        XCTAssertTrue(try render(Self.lesson).contains("<figcaption><a class=\"figure-number\" href=\"#figure-1\">Figure 1</a>: "))
    }

    func testFootnotesLinkBothWaysAndAreUniquePerPassage() throws {
        let html = try render(Self.lesson)
        // The first passage cites [^why], defined at the end of the notebook.
        XCTAssertTrue(html.contains("<a href=\"#fn-1-why\" id=\"fnref-1-why\" data-footnote-ref>1</a>"), html)
        XCTAssertTrue(html.contains("<li id=\"fn-1-why\">\n<p>Because the curves tell. <a href=\"#fnref-1-why\" class=\"footnote-backref\""))
        XCTAssertTrue(html.contains("<a href=\"#fn-4-2\" id=\"fnref-4-2\" data-footnote-ref>2</a>"))
        XCTAssertTrue(html.contains("<li id=\"fn-4-why\">"))
        XCTAssertEqual(html.components(separatedBy: "<section class=\"footnotes\"").count - 1, 2, "one list per citing passage")
    }

    func testFootnoteDefinitionsAreFoundOutsideCodeAndWithTheirIndentedLines() {
        let markdown = "Text.\n\n[^a]: First line\nlazy line\n    second line\n\n    second paragraph\n\nAfter.\n```\n[^b]: in code\n```\n  [^c]: indented a bit\n"
        XCTAssertEqual(Footnotes.definitionsMarkdown(markdown), "[^a]: First line\nlazy line\n    second line\n\n    second paragraph\n\n  [^c]: indented a bit")
    }
}
