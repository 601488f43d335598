import CCMarkGFM

/// An image written in a notebook's prose (`![alt](images/x.png)`): its URL as written and where
/// its `!` is, so a problem with the file can be reported at the image.
public struct ProseImage: Equatable, Sendable {
    public var url: String
    public var location: SourceLocation

    public init(url: String, location: SourceLocation) {
        self.url = url
        self.location = location
    }
}

extension Document {
    /// Every image in the notebook's prose, in source order (cmark-gfm finds them, so an image in
    /// a code span or a code block is not one).
    public var proseImages: [ProseImage] {
        blocks.flatMap { block -> [ProseImage] in
            guard case .prose(let prose) = block else { return [] }
            return ProseImageFinder.images(in: prose.markdown).map { url, line, column in
                ProseImage(url: url,
                           location: columnMap.original(SourceLocation(file: path, line: prose.startLine + line - 1, column: column)))
            }
        }
    }
}

/// Walks one prose run's cmark-gfm tree for image nodes.
enum ProseImageFinder {
    /// Each image's URL with its line and column (1-based, UTF-8 bytes) in `markdown`.
    static func images(in markdown: String) -> [(url: String, line: Int, column: Int)] {
        CMarkExtensions.register()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { cmark_parser_feed(parser, base, buffer.count - 1) }
        }
        guard let document = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [(url: String, line: Int, column: Int)] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_IMAGE else { continue }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            found.append((url, Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node))))
        }
        return found
    }
}
