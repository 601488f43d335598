import Foundation

/// A rendered report reduced to its structure, read back from the HTML by the template's class
/// names: the header, each prose block's headings, and per cell its index, directive, status,
/// how its source shows, its outputs' kinds and captions (a chart with its figure id), its error, and
/// the table of contents (each heading with its id). Golden files hold its
/// `description`, so a change of wording or markup in the template does not break them, but a
/// change of what the report says does.
struct ReportStructure: CustomStringConvertible {
    struct CellEntry {
        var index: String
        var directive: String
        var status: String
        /// `shown`, `folded` or `hidden`.
        var source: String
        var outputs: [String]
        var errors: [String]
    }
    enum Entry {
        case prose(headings: [String])
        case cell(CellEntry)
    }

    var title: String
    var author: String?
    var date: String?
    var summary: String?
    var runError: String?
    /// `DEPTH #id text` per table-of-contents entry (depth 1 is its highest level); nil when the report has none.
    var toc: [String]?
    var entries: [Entry]

    var cells: [CellEntry] { entries.compactMap { if case .cell(let cell) = $0 { return cell } else { return nil } } }

    init(html: String) {
        let header = HTMLText.between(html, "<header class=\"run-header\">", "</header>") ?? ""
        title = HTMLText.element(header, open: "<h1>", close: "</h1>") ?? "?"
        author = HTMLText.element(header, open: "<span class=\"run-author\">", close: "</span>")
        date = HTMLText.element(header, open: "<time class=\"run-date\">", close: "</time>")
        summary = HTMLText.element(header, open: "<p class=\"run-description\">", close: "</p>")
        runError = HTMLText.between(html, "<aside class=\"run-error\"", "</aside>").map {
            HTMLText.plain($0.replacingOccurrences(of: "<strong>.*</strong>", with: "", options: .regularExpression)
                .drop { $0 != ">" }.dropFirst().description)
        }
        toc = HTMLText.between(html, "<nav class=\"toc\"", "</nav>").map { nav in
            HTMLText.all(nav, pattern: "<li class=\"toc-depth-([1-3])\"><a href=\"#([^\"]*)\">(.*?)</a></li>").map { "\($0[0]) #\($0[1]) \($0[2])" }
        }
        // A prose passage's footnotes are a <section> inside it: read them as part of the passage.
        let main = (HTMLText.between(html, "<main>", "</main>") ?? "")
            .replacingOccurrences(of: "<section class=\"footnotes\"", with: "<aside class=\"footnotes\"")
        entries = main.components(separatedBy: "<section class=\"").dropFirst().map { section in
            let body = section.components(separatedBy: "</section>").first ?? section
            if body.hasPrefix("prose") {
                let anchorless = body.replacingOccurrences(of: "<a class=\"heading-anchor\"[^>]*>#</a>", with: "", options: .regularExpression)
                let headings = HTMLText.all(anchorless, pattern: "<h([1-6]) id=\"([^\"]*)\">(.*?)</h[1-6]>").map { "h\($0[0]) #\($0[1]) \($0[2])" }
                return .prose(headings: headings)
            }
            return .cell(Self.cell(body))
        }
    }

    private static func cell(_ body: String) -> CellEntry {
        func span(_ name: String) -> String { HTMLText.element(body, open: "<span class=\"\(name)\">", close: "</span>") ?? "" }
        let source = body.contains("<details class=\"cell-fold\">") ? "folded"
            : body.contains("class=\"cell-source\"") ? "shown" : "hidden"
        let outputs = HTMLText.all(body, pattern: "<p class=\"output-text\">(.*?)</p>|<caption>(.*?)</caption>|<figure class=\"chart\" id=\"([^\"]*)\">.*?<figcaption>(.*?)</figcaption>")
            .map { groups -> String in
                if !groups[0].isEmpty { return "text: \(groups[0])" }
                if !groups[1].isEmpty { return "table: \(groups[1])" }
                return "chart #\(groups[2]): \(groups[3])"
            }
        let errors = body.components(separatedBy: "<div class=\"cell-error\"").dropFirst().map { error -> String in
            let location = HTMLText.element(error, open: "<p class=\"error-where\">", close: "</p>") ?? ""
            let message = HTMLText.element(error, open: "<p class=\"error-message\">", close: "</p>") ?? ""
            let hint = HTMLText.element(error, open: "<p class=\"error-hint\">", close: "</p>").map { " (hint: \($0))" } ?? ""
            return "\(location): \(message)\(hint)"
        }
        return CellEntry(index: span("cell-index").trimmingCharacters(in: CharacterSet(charactersIn: "[]")), directive: span("cell-directive"), status: span("cell-status"),
                         source: source, outputs: outputs, errors: errors)
    }

    var description: String {
        var lines = ["title: \(title)"]
        if let author { lines.append("author: \(author)") }
        if let date { lines.append("date: \(date)") }
        if let summary { lines.append("description: \(summary)") }
        if let runError { lines.append("run error: \(runError)") }
        if let toc { lines.append("toc: " + toc.joined(separator: ", ")) }
        for entry in entries {
            switch entry {
            case .prose(let headings):
                lines.append("prose" + (headings.isEmpty ? "" : ": " + headings.joined(separator: ", ")))
            case .cell(let cell):
                lines.append("cell \(cell.index) \(cell.directive): \(cell.status)")
                lines.append("  source: \(cell.source)")
                lines += cell.outputs.map { "  output \($0)" }
                lines += cell.errors.map { "  error: \($0)" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Small text helpers over HTML the report template produced (not a general HTML parser).
enum HTMLText {
    static func between(_ text: String, _ open: String, _ close: String) -> String? {
        guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// The plain text of the first element opened by `open`.
    static func element(_ text: String, open: String, close: String) -> String? {
        between(text, open, close).map(plain)
    }

    /// The capture groups of every match of `pattern` (an unmatched group is empty), plain text.
    static func all(_ text: String, pattern: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let whole = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: whole).map { match in
            (1..<match.numberOfRanges).map { group in
                Range(match.range(at: group), in: text).map { plain(String(text[$0])) } ?? ""
            }
        }
    }

    /// Tags removed, entities decoded, white space collapsed.
    static func plain(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"),
                                    ("&#x2F;", "/"), ("&#x3D;", "="), ("&#x60;", "`"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
