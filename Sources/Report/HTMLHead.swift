import Foundation

/// Where a rendered page's `<head>` opens and its `<body>` closes, so the renderer can insert what
/// every report must carry whatever its template says.
enum HTMLHead {
    /// The first `<head>` start tag (any letter case, with or without attributes).
    static func openingTag(in html: String) -> Range<String.Index>? {
        html.range(of: "<head(\\s[^>]*)?>", options: [.regularExpression, .caseInsensitive])
    }

    /// Whether a template's text has a `<head>` start tag.
    static func isPresent(in template: String) -> Bool { openingTag(in: template) != nil }

    /// `html` with `element` on its own line right after the `<head>` start tag at `head`.
    static func inserting(_ element: String, afterHeadAt head: Range<String.Index>, in html: String) -> String {
        html.replacingCharacters(in: head, with: html[head] + "\n" + element)
    }

    /// `html` with `markup` right before its last `</body>` (at the end when there is none).
    static func inserting(_ markup: String, beforeBodyEndIn html: String) -> String {
        guard !markup.isEmpty else { return html }
        guard let end = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else { return html + markup }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: markup)
    }
}
