import CCMarkGFM
import Foundation
import Notebook
import Runner

/// Rewrites a prose run's cmark-gfm tree before it becomes HTML, so the report is self-contained:
/// local images are embedded as `data:` URIs, remote images become links (the report never
/// fetches), and links to `.md` notebooks point at their `.html` reports.
///
/// One rewriter serves a whole report, so `EmbeddedImage.maximumReportBytes` holds across all of its
/// prose. `folio check` has refused images that cannot be embedded; one that still fails here (it
/// changed during the run) is shown as its alt text and a note instead of breaking the report.
struct ProseRewriter {
    /// The folder image paths are relative to.
    let notebookDirectory: URL
    /// Image bytes embedded so far.
    private(set) var embeddedBytes = 0

    init(notebookDirectory: URL) { self.notebookDirectory = notebookDirectory }

    /// Rewrites every image and link under `document`.
    mutating func rewrite(_ document: OpaquePointer) {
        for node in Self.nodes(under: document) {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_IMAGE: rewriteImage(node)
            case CMARK_NODE_LINK:
                if let url = Self.url(of: node), let report = Self.reportURL(forNotebookLink: url) {
                    cmark_node_set_url(node, report)
                }
            default: break
            }
        }
    }

    /// `other.md` → `other.html`, `sub/lesson.md#part` → `sub/lesson.html#part`; nil for anything but a
    /// relative link to a `.md` file (absolute URLs and paths are left as they are).
    static func reportURL(forNotebookLink url: String) -> String? {
        guard case .local(let path, let suffix) = ProseTarget(url: url), !path.hasPrefix("/"), !path.hasPrefix("~"),
              path.lowercased().hasSuffix(".md") else { return nil }
        let written = url.trimmingCharacters(in: .whitespaces).dropLast(suffix.count)
        guard written.lowercased().hasSuffix(".md") else { return nil }
        return written.dropLast(3) + ".html" + suffix
    }

    private mutating func rewriteImage(_ image: OpaquePointer) {
        guard let url = Self.url(of: image) else { return }
        switch ProseTarget(url: url) {
        case .inPlace:
            return
        case .remote:
            replace(image, note: "remote image, not embedded: \(url)", linkingTo: url)
        case .fileURL:
            replace(image, note: "image not embedded: \(url)", linkingTo: nil)
        case .local(let path, _):
            guard let embedded = try? EmbeddedImage.load(path, notebookDirectory: notebookDirectory),
                  embeddedBytes + embedded.bytes.count <= EmbeddedImage.maximumReportBytes else {
                replace(image, note: "image not embedded: \(path)", linkingTo: nil)
                return
            }
            embeddedBytes += embedded.bytes.count
            cmark_node_set_url(image, embedded.dataURI)
        }
    }

    /// Puts the image's alt text (as a link to `target`, unless it already sits in a link) and
    /// ` (note)` where the image was, and drops the image.
    private func replace(_ image: OpaquePointer, note: String, linkingTo target: String?) {
        let hasAlt = cmark_node_first_child(image) != nil
        var linked = false
        var moved = true
        if let target, !Self.isInsideLink(image), let link = cmark_node_new(CMARK_NODE_LINK) {
            cmark_node_set_url(link, target)
            if let title = cmark_node_get_title(image) { cmark_node_set_title(link, title) }
            while let child = cmark_node_first_child(image), cmark_node_append_child(link, child) == 1 {}
            if !hasAlt, let text = Self.text(target) { cmark_node_append_child(link, text) }
            linked = cmark_node_insert_before(image, link) == 1
            if !linked { cmark_node_free(link) }
            moved = linked
        } else {
            while moved, let child = cmark_node_first_child(image) { moved = cmark_node_insert_before(image, child) == 1 }
        }
        let leading = hasAlt || linked ? " " : ""
        if moved, let text = Self.text("\(leading)(\(note))"), cmark_node_insert_before(image, text) == 1 {
            cmark_node_unlink(image)
            cmark_node_free(image)
        } else {
            cmark_node_set_url(image, "")  // never a remote `src`, even if the tree refused the change
        }
    }

    private static func text(_ literal: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, literal)
        return node
    }

    private static func isInsideLink(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            if cmark_node_get_type(current) == CMARK_NODE_LINK { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    private static func url(of node: OpaquePointer) -> String? {
        cmark_node_get_url(node).map { String(cString: $0) }
    }

    /// Every node under `root`, in document order, collected before any is changed.
    private static func nodes(under root: OpaquePointer) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var nodes: [OpaquePointer] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { nodes.append(node) }
        }
        return nodes
    }
}
