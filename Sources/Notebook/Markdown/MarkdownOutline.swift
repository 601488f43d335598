import CCMarkGFM

/// The top-level blocks cmark-gfm finds in a notebook's Markdown, reduced to what the notebook
/// parser needs: their line spans, fence details for fenced code, and level-1 heading text.
struct MarkdownOutline {
    /// A fenced code block's opening fence.
    struct Fence: Equatable {
        /// The whole info string as cmark decodes it (`fit epochs=10`).
        var info: String
        /// How many fence characters open the block.
        var length: Int
        /// `` ` `` or `~`.
        var character: UInt8
    }

    /// One top-level block.
    struct Block: Equatable {
        var startLine: Int
        var endLine: Int
        /// Set for fenced code blocks only.
        var fence: Fence?
        /// The plain text of a level-1 heading; nil for anything else.
        var levelOneHeading: String?
    }

    var blocks: [Block]
    /// The lines of every code block (fenced or indented) and raw HTML block, at any depth (in lists
    /// and block quotes too): text that is shown, or dropped, exactly as written.
    var literalBlockLines: [ClosedRange<Int>] = []

    /// Parses `bytes` with the GFM extensions table, strikethrough, autolink and tasklist.
    /// nil only when cmark cannot allocate a parser.
    static func read(_ bytes: [UInt8]) -> MarkdownOutline? {
        CMarkExtensions.register()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let extensionHandle = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionHandle)
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        var blocks: [Block] = []
        var node = cmark_node_first_child(document)
        while let current = node {
            blocks.append(block(current))
            node = cmark_node_next(current)
        }
        return MarkdownOutline(blocks: blocks, literalBlockLines: literalBlockLines(in: document))
    }

    private static func block(_ node: OpaquePointer) -> Block {
        let start = Int(cmark_node_get_start_line(node))
        let end = max(start, Int(cmark_node_get_end_line(node)))
        var result = Block(startLine: start, endLine: end, fence: nil, levelOneHeading: nil)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_CODE_BLOCK:
            var length: Int32 = 0
            var offset: Int32 = 0
            var character: CChar = 0
            if cmark_node_get_fenced(node, &length, &offset, &character) != 0 {
                let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
                result.fence = Fence(info: info, length: Int(length), character: UInt8(bitPattern: character))
            }
        case CMARK_NODE_HEADING where cmark_node_get_heading_level(node) == 1:
            result.levelOneHeading = plainText(of: node)
        default:
            break
        }
        return result
    }

    private static func literalBlockLines(in document: OpaquePointer) -> [ClosedRange<Int>] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var ranges: [ClosedRange<Int>] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE, event != CMARK_EVENT_NONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  [CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK].contains(cmark_node_get_type(node)) else { continue }
            let start = Int(cmark_node_get_start_line(node))
            ranges.append(start...max(start, Int(cmark_node_get_end_line(node))))
        }
        return ranges
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
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        return String(trimmed.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

/// Registers cmark-gfm's core extensions exactly once per process (the C call is not thread-safe).
enum CMarkExtensions {
    private static let registered: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    static func register() { _ = registered }
}
