import CCMarkGFM

/// Finds the notebook's first level-1 heading across its prose blocks, so that the report does not
/// show it a second time when its text is the title the header already shows.
///
/// Its text is read as the notebook parser reads a title (inline text and code, line breaks as
/// spaces, no smart punctuation) and compared with the title after trimming.
struct TitleHeading {
    let title: String?
    /// Whether the first level-1 heading has been seen (only that one may be omitted).
    private var found = false

    init(title: String?) {
        self.title = title?.trimmingSpaces
    }

    /// The line (1-based, within `markdown`) of the heading to omit from this prose block, if any.
    mutating func lineToOmit(in markdown: String) -> Int? {
        guard !found, let title, !title.isEmpty else { return nil }
        let first = CMarkParsing.withDocument(markdown, options: CMARK_OPT_DEFAULT) { document, _ in
            CMarkParsing.levelOneHeadings(of: document).lazy
                .map { (line: Int(cmark_node_get_start_line($0)), text: Self.plainText(of: $0)) }
                .first { !$0.text.isEmpty }
        }
        guard let heading = first ?? nil else { return nil }
        found = true
        return heading.text == title ? heading.line : nil
    }

    /// The text of a node's inlines (code spans included, line breaks as spaces), trimmed.
    private static func plainText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text.trimmingSpaces
    }
}

private extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
