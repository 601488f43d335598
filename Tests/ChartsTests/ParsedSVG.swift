import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// A chart's SVG parsed by Foundation's XMLParser into a flat list of elements (document order),
/// so tests can check well-formedness and look at what was drawn.
struct ParsedSVG {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// The element's own character data (for `<text>`, the drawn string, unescaped).
        var text: String
    }

    var elements: [Element]

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Parses `svg`, failing the calling test on any XML error.
    static func parse(_ svg: String, file: StaticString = #filePath, line: UInt = #line) -> ParsedSVG {
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        let ok = parser.parse()
        XCTAssertTrue(ok, "SVG is not well-formed: \(String(describing: parser.parserError)) in\n\(svg.prefix(2000))",
                      file: file, line: line)
        XCTAssertEqual(collector.elements.first?.name, "svg", "the root element must be <svg>", file: file, line: line)
        return ParsedSVG(elements: collector.elements)
    }

    /// Attributes that hold numbers; every number in them must be finite (no "nan", no "inf").
    static let numericAttributes: Set<String> = [
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "points", "viewBox",
        "transform", "font-size", "stroke-width", "dy",
    ]

    /// Fails when a numeric attribute holds anything but finite numbers, or any attribute says nan/inf.
    func assertNumbersFinite(file: StaticString = #filePath, line: UInt = #line) {
        for element in elements {
            for (name, value) in element.attributes where name != "href" && name != "aria-label" {
                let lowered = value.lowercased()
                XCTAssertFalse(lowered.contains("nan") || lowered.contains("inf"),
                               "\(element.name) \(name)=\"\(value)\"", file: file, line: line)
                guard ParsedSVG.numericAttributes.contains(name) else { continue }
                let stripped = value.replacingOccurrences(of: "rotate(", with: "")
                    .replacingOccurrences(of: ")", with: "").replacingOccurrences(of: "em", with: "")
                    .replacingOccurrences(of: "%", with: "")
                for token in stripped.split(whereSeparator: { $0 == " " || $0 == "," }) {
                    XCTAssertNotNil(Double(token).flatMap { $0.isFinite ? $0 : nil },
                                    "\(element.name) \(name)=\"\(value)\"", file: file, line: line)
                }
            }
        }
    }

    /// The strings drawn by `<text>` elements.
    var texts: [String] { all("text").map(\.text) }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            elements.append(Element(name: elementName, attributes: attributeDict, text: ""))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard let index = open.last else { return }
            elements[index].text += string
        }
    }
}

/// A string with every character that must be escaped, for every label of every chart.
let hostile = "<script>alert(\"x\")</script> & 'quoted' ]]> \u{1} \u{FFFE} é 中"

/// Asserts the accessible skeleton every chart must have.
func assertAccessible(_ parsed: ParsedSVG, file: StaticString = #filePath, line: UInt = #line) {
    let root = parsed.elements.first
    XCTAssertEqual(root?.attributes["role"], "img", file: file, line: line)
    XCTAssertNotNil(root?.attributes["viewBox"], file: file, line: line)
    XCTAssertEqual(root?.attributes["xmlns"], "http://www.w3.org/2000/svg", file: file, line: line)
    XCTAssertEqual(parsed.elements.dropFirst().first?.name, "title", "<title> must be the first child",
                   file: file, line: line)
    XCTAssertFalse(parsed.all("desc").isEmpty, "a <desc> is required", file: file, line: line)
    XCTAssertNil(parsed.elements.first { $0.attributes["id"] != nil },
                 "charts share a page: no element ids", file: file, line: line)
    XCTAssertTrue(parsed.all("script").isEmpty, file: file, line: line)
}

/// Parses `svg` and runs every generic check: well-formed, accessible, finite numbers.
@discardableResult
func checkChart(_ svg: String, file: StaticString = #filePath, line: UInt = #line) -> ParsedSVG {
    let parsed = ParsedSVG.parse(svg, file: file, line: line)
    assertAccessible(parsed, file: file, line: line)
    parsed.assertNumbersFinite(file: file, line: line)
    return parsed
}
