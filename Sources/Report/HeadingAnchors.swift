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
    private static let pattern = try! NSRegularExpression(pattern: "<h([1-6])>(.*?)</h\\1>", options: [.dotMatchesLineSeparators])

    static func decorate(_ html: String, slugger: inout HeadingSlugger) -> (html: String, toc: [TOCEntry]) {
        let source = html as NSString
        var result = ""
        var toc: [TOCEntry] = []
        var position = 0
        for match in pattern.matches(in: html, range: NSRange(location: 0, length: source.length)) {
            result += source.substring(with: NSRange(location: position, length: match.range.location - position))
            let level = Int(source.substring(with: match.range(at: 1))) ?? 1
            let inner = source.substring(with: match.range(at: 2))
            // A footnote mark is not part of the heading's name.
            let text = plainText(inner.replacingOccurrences(of: "<sup class=\"footnote-ref\">.*?</sup>", with: "", options: .regularExpression))
            let id = slugger.id(for: text)
            result += "<h\(level) id=\"\(id)\">\(inner) <a class=\"heading-anchor\" href=\"#\(id)\" "
                + "aria-label=\"Link to this section\">#</a></h\(level)>"
            if level <= 3 { toc.append(TOCEntry(level: level, id: id, text: text)) }
            position = match.range.location + match.range.length
        }
        result += source.substring(from: position)
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
