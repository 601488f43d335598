import Foundation
import Mustache
import Runner

/// Turns a run record into one self-contained HTML page (CSS inlined, charts as inline SVG).
///
/// Whatever the template, the page gets the report's Content-Security-Policy as the first element
/// of its `<head>` and Folio's own inline scripts (the drawing pad's, when the run has a model to
/// draw for) before `</body>`.
public struct ReportRenderer: Sendable {
    public var template: ReportTemplate
    public var version: String
    /// The inline scripts Folio adds (allowed by their hashes) and any extra policy directives.
    public var policy: ContentSecurityPolicy

    public init(template: ReportTemplate = .builtIn, version: String, policy: ContentSecurityPolicy = ContentSecurityPolicy()) {
        self.template = template
        self.version = version
        self.policy = policy
    }

    /// The report's HTML; with `source` (`ReportSource.identifier`), the report records which
    /// notebook it was made from.
    public func render(_ record: RunRecord, generated: Date = Date(), source: String? = nil) throws -> String {
        let compiled = try template.compiled()
        var view = ReportView(record: record, css: template.css, version: version, generatedAt: generated)
        // The pad's script goes in exactly when the view has a pad to run (not for a model whose
        // section could not be written).
        var policy = self.policy
        if view.hasPad { policy.inlineScripts.insert(PadScript.source, at: 0) }
        if let script = policy.inlineScripts.first(where: { $0.range(of: "</script", options: .caseInsensitive) != nil }) {
            throw ReportError.scriptNotInlinable(String(script.prefix(60)))
        }
        view.hasScripts = !policy.inlineScripts.isEmpty
        var html = HTMLHead.inserting(policy.scriptElements, beforeBodyEndIn: compiled.render(view))
        if let source { html = ReportSource.inserting(source, into: html) }
        guard let head = HTMLHead.openingTag(in: html) else { throw ReportError.templateWithoutHead(path: nil) }
        return HTMLHead.inserting(policy.meta, afterHeadAt: head, in: html)
    }
}
