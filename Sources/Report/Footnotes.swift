import Foundation

/// Footnotes across a report's prose passages (cmark-gfm's footnote option).
///
/// Each passage between cells is rendered on its own, so a reference and its definition may sit in
/// different passages (a teacher often writes every definition at the end). Each passage is
/// therefore given the definitions written in the other passages; cmark-gfm lists only the ones the
/// passage cites, at the passage's end, numbered from 1. The ids cmark-gfm writes (`fn-LABEL`,
/// `fnref-LABEL`) are made unique per passage (`fn-P-LABEL`), so references link both ways.
struct Footnotes {
    /// Per passage, the Markdown of the footnote definitions written in it.
    private let definitions: [String]

    /// `passages`: the Markdown of each prose passage, in order.
    init(passages: [String]) {
        definitions = passages.map(Self.definitionsMarkdown)
    }

    /// Passage `index`'s Markdown with the other passages' definitions appended.
    func markdown(_ markdown: String, passage index: Int) -> String {
        let others = definitions.indices.filter { $0 != index && !definitions[$0].isEmpty }.map { definitions[$0] }
        return others.isEmpty ? markdown : markdown + "\n\n" + others.joined(separator: "\n\n") + "\n"
    }

    /// Passage `index`'s rendered HTML with its footnote ids made unique in the report.
    static func uniqueIDs(_ html: String, passage index: Int) -> String {
        guard html.contains("data-footnote") else { return html }
        var result = html
        for (old, new) in [("href=\"#fn-", "href=\"#fn-\(index)-"), ("id=\"fn-", "id=\"fn-\(index)-"),
                           ("href=\"#fnref-", "href=\"#fnref-\(index)-"), ("id=\"fnref-", "id=\"fnref-\(index)-")] {
            result = result.replacingOccurrences(of: old, with: new)
        }
        return result
    }

    /// The source lines of `markdown`'s footnote definitions: a line starting (after at most three
    /// spaces) with `[^label]:`, and the lines after it that are blank or indented, or continue its
    /// paragraph lazily, up to the first other unindented one. Lines in fenced code are skipped. (cmark-gfm drops the definitions a passage
    /// does not cite from its tree, so they are found in the text.)
    static func definitionsMarkdown(_ markdown: String) -> String {
        guard markdown.contains("[^") else { return "" }
        var definitions: [[Substring]] = []
        var current: [Substring]? = nil
        var fence: Substring? = nil
        func close() {
            if var lines = current {
                while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
                definitions.append(lines)
            }
            current = nil
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if let open = fence {
                if indent < 4, trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if let lines = current, line.allSatisfy(\.isWhitespace) || line.hasPrefix("    ") || line.hasPrefix("\t")
                || Self.isLazyContinuation(line, after: lines.last) {
                current?.append(line)
                continue
            }
            close()
            if indent < 4, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
            } else if indent < 4, trimmed.hasPrefix("[^"), let end = trimmed.firstIndex(of: "]"),
                      trimmed.index(after: end) < trimmed.endIndex, trimmed[trimmed.index(after: end)] == ":",
                      trimmed.distance(from: trimmed.startIndex, to: end) > 2 {
                current = [line]
            }
        }
        close()
        return definitions.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    /// A line that carries on the paragraph above it without indentation (CommonMark's lazy
    /// continuation): text right after text, not starting a block of its own.
    private static func isLazyContinuation(_ line: Substring, after previous: Substring?) -> Bool {
        guard let previous, !previous.allSatisfy(\.isWhitespace) else { return false }
        let trimmed = line.drop { $0 == " " }
        guard let first = trimmed.first else { return false }
        return !"#>-*+|`~[".contains(first) && !(first.isNumber && trimmed.contains(". "))
    }
}
