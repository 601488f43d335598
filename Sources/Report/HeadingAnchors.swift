import Foundation

/// One entry of the report's table of contents.
struct TOCEntry: Equatable {
    /// 1…3.
    var level: Int
    /// The heading's id.
    var id: String
    /// The heading's plain text.
    var text: String
}

/// Gives every heading of a prose passage's HTML an id (from the report-wide `HeadingSlugger`) and
/// a `#` link to itself, and lists its level 1–3 headings for the table of contents.
///
/// cmark-gfm writes headings as `<hN>…</hN>` without attributes, which is what this looks for.
enum HeadingAnchors {
    static func decorate(_ html: String, slugger: inout HeadingSlugger) -> (html: String, toc: [TOCEntry]) {
        // A heading as cmark-gfm writes it; a literal, so it is checked when Folio is compiled.
        let heading = /<h([1-6])>(.*?)<\/h\1>/.dotMatchesNewlines()
        var result = ""
        var toc: [TOCEntry] = []
        var position = html.startIndex
        for match in html.matches(of: heading) {
            result += html[position..<match.range.lowerBound]
            let level = Int(match.output.1) ?? 1
            let inner = String(match.output.2)
            // A footnote mark is not part of the heading's name.
            let text = plainText(inner.replacingOccurrences(of: "<sup class=\"footnote-ref\">.*?</sup>", with: "", options: .regularExpression))
            let id = slugger.id(for: text)
            result += "<h\(level) id=\"\(id)\">\(inner) <a class=\"heading-anchor\" href=\"#\(id)\" "
                + "aria-label=\"Link to this section\">#</a></h\(level)>"
            if level <= 3 { toc.append(TOCEntry(level: level, id: id, text: text)) }
            position = match.range.upperBound
        }
        result += html[position...]
        return (result, toc)
    }

    /// The text of an HTML fragment: tags dropped, the entities cmark-gfm writes decoded, spaces collapsed.
    static func plainText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
