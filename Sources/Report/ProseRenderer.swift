import Foundation
import CCMarkGFM

/// Markdown → HTML with libcmark-gfm: GitHub tables, strikethrough, autolinks, task lists and
/// footnotes; raw HTML and dangerous links are dropped (CMARK_OPT_UNSAFE is never set). Before rendering,
/// `ProseRewriter` embeds local images, turns remote ones into links and points `.md` links at reports.
public enum ProseRenderer {
    /// The HTML of `markdown`, whose image paths are relative to `notebookDirectory` (by default
    /// the current folder).
    public static func html(_ markdown: String, notebookDirectory: URL? = nil) -> String {
        let directory = notebookDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var rewriter = ProseRewriter(notebookDirectory: directory)
        return html(markdown, omittingHeadingAtLine: nil, rewriter: &rewriter)
    }

    /// The HTML of `markdown` without the top-level level-1 heading that starts on `line` (1-based,
    /// counted in `markdown`), when there is one: the report's header already shows it as the title.
    static func html(_ markdown: String, omittingHeadingAtLine line: Int?, rewriter: inout ProseRewriter) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART | CMARK_OPT_GITHUB_PRE_LANG | CMARK_OPT_FOOTNOTES
        let rendered = CMarkParsing.withDocument(markdown, options: options) { document, parser -> String in
            if let line {
                for heading in CMarkParsing.levelOneHeadings(of: document) where Int(cmark_node_get_start_line(heading)) == line {
                    cmark_node_unlink(heading)
                    cmark_node_free(heading)
                    break
                }
            }
            rewriter.rewrite(document)
            guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
        return rendered ?? ""
    }
}
