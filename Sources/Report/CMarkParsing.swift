import CCMarkGFM

/// Parses Markdown with libcmark-gfm and its GitHub extensions (tables, strikethrough, autolinks,
/// task lists), hands the document to `body`, and frees everything afterwards.
enum CMarkParsing {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// nil only when cmark cannot allocate a parser or a document.
    static func withDocument<Result>(_ markdown: String, options: Int32,
                                     _ body: (_ document: OpaquePointer, _ parser: OpaquePointer) -> Result) -> Result? {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            cmark_parser_feed(parser, base, buffer.count - 1)
        }
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        return body(document, parser)
    }

    /// The document's top-level level-1 headings, in order.
    static func levelOneHeadings(of document: OpaquePointer) -> [OpaquePointer] {
        var headings: [OpaquePointer] = []
        var node = cmark_node_first_child(document)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_HEADING, cmark_node_get_heading_level(current) == 1 {
                headings.append(current)
            }
            node = cmark_node_next(current)
        }
        return headings
    }
}
