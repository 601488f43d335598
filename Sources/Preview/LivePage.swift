import Foundation
import Report

/// What turns a report into a preview page: a Content-Security-Policy `<meta>` that allows exactly
/// one script (by its SHA-256) and connections to the preview server, the page's generation, and
/// that script, which listens to `/events`, shows the running cell in a fixed status line and
/// reloads the page (keeping its scroll position) when a newer run has finished.
///
/// Only preview pages carry this; the report written to disk never does.
enum LivePage {
    /// The script, exactly as inserted (its hash covers these bytes).
    static let script = """
    (function () {
      var key = "folio-preview-scroll";
      var saved = sessionStorage.getItem(key);
      if (saved !== null) {
        sessionStorage.removeItem(key);
        window.scrollTo(0, parseFloat(saved) || 0);
      }
      var meta = document.querySelector('meta[name="folio-preview-generation"]');
      var generation = meta ? meta.getAttribute("content") : "";
      var line = document.createElement("div");
      line.id = "folio-preview-status";
      line.setAttribute("role", "status");
      line.hidden = true;
      line.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:1000;margin:0;padding:6px 12px;" +
        "font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;background:#1f2937;color:#f9fafb;" +
        "white-space:nowrap;overflow:hidden;text-overflow:ellipsis";
      document.body.appendChild(line);
      var source = new EventSource("/events");
      source.addEventListener("status", function (event) {
        line.textContent = event.data;
        line.hidden = event.data === "";
      });
      source.addEventListener("reload", function (event) {
        if (event.data === generation) return;
        sessionStorage.setItem(key, String(window.scrollY));
        source.close();
        window.location.reload();
      });
    })();
    """

    /// `'sha256-…'`: the script's hash as a CSP source expression.
    static let scriptHash = ContentSecurityPolicy.hashSource(of: script)

    /// The preview page's policy: the report's own (`base`: its scripts stay allowed) plus this
    /// script and connections back to the server.
    static func policy(extending base: ContentSecurityPolicy = ContentSecurityPolicy()) -> ContentSecurityPolicy {
        var policy = base
        policy.inlineScripts.append(script)
        policy.extraDirectives.append("connect-src 'self'")
        return policy
    }

    /// A report the renderer made with `policy(extending:)` (so it already states the policy first in
    /// its `<head>` and carries the script): only the page's generation is added, before `</head>`.
    static func addingGeneration(to html: String, generation: Int) -> String {
        var page = html
        let meta = "<meta name=\"folio-preview-generation\" content=\"\(generation)\">\n"
        if let range = page.range(of: "</head>", options: .caseInsensitive) {
            page.insert(contentsOf: meta, at: range.lowerBound)
        } else {
            page = meta + page
        }
        return page
    }

    /// A page of preview's own (diagnostics, "running…") with the policy and the generation right
    /// after `<head>` (so they govern everything after them) and the script right before `</body>`;
    /// a page without those tags gets them at its start and end.
    static func inserting(into html: String, generation: Int) -> String {
        let head = "\n" + policy().meta + "\n<meta name=\"folio-preview-generation\" content=\"\(generation)\">"
        let body = "<script>\(script)</script>\n"
        var page = html
        if let range = page.range(of: "<head>", options: .caseInsensitive) {
            page.insert(contentsOf: head, at: range.upperBound)
        } else {
            page = head + "\n" + page
        }
        if let range = page.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            page.insert(contentsOf: body, at: range.lowerBound)
        } else {
            page += body
        }
        return page
    }
}
