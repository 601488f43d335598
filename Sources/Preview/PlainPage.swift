import Notebook
import Report

/// The pages preview shows instead of a report: the notebook's diagnostics when it cannot run,
/// a short notice while the first run is in flight, and an error the report could not get past.
/// Self-contained (inline style only), HTML-escaped throughout.
enum PlainPage {
    /// Every problem of a notebook that must not run, as `folio check` prints them: where
    /// (file:line:column), how serious, the message and the hint.
    static func diagnostics(_ diagnostics: [Diagnostic], notebook: String) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let heading = "\(errors) error\(errors == 1 ? "" : "s") in \(notebook); nothing was run."
        var items = ""
        for diagnostic in diagnostics {
            items += "<li class=\"\(diagnostic.severity.rawValue)\"><code>"
                + HTMLEscape.escape(diagnostic.location.description) + "</code> <strong>"
                + diagnostic.severity.rawValue + "</strong>: " + HTMLEscape.escape(diagnostic.message)
            if let hint = diagnostic.hint {
                items += "<div class=\"hint\">hint: " + HTMLEscape.escape(hint) + "</div>"
            }
            items += "</li>\n"
        }
        return page(title: "Problems in \(notebook)", body: "<h1>" + HTMLEscape.escape(heading) + "</h1>\n"
            + "<ul class=\"diagnostics\">\n" + items + "</ul>\n"
            + "<p>Fix the notebook and save it: this page reloads by itself.</p>")
    }

    /// Shown until the first run has finished.
    static func running(notebook: String) -> String {
        page(title: notebook, body: "<h1>Running " + HTMLEscape.escape(notebook) + "…</h1>\n"
            + "<p>The report appears here when the run has finished.</p>")
    }

    /// Shown when the run finished but its report could not be made (e.g. a template error).
    static func failure(_ message: String, notebook: String) -> String {
        page(title: notebook, body: "<h1>The report of " + HTMLEscape.escape(notebook) + " could not be made</h1>\n"
            + "<pre>" + HTMLEscape.escape(message) + "</pre>")
    }

    private static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLEscape.escape(title))</title>
        <style>
        body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem 3rem; color: #111827; }
        h1 { font-size: 1.3rem; }
        ul.diagnostics { list-style: none; padding: 0; }
        ul.diagnostics li { margin: 0 0 .8rem; padding: .6rem .8rem; border-left: 4px solid #b91c1c; background: #fef2f2; overflow-wrap: anywhere; }
        ul.diagnostics li.note, ul.diagnostics li.warning { border-color: #92400e; background: #fffbeb; }
        .hint { color: #374151; margin-top: .2rem; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
        pre { white-space: pre-wrap; }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
