import Foundation
import Mustache
import Runner

/// Turns a run record into one self-contained HTML page (CSS inlined, charts as inline SVG).
public struct ReportRenderer: Sendable {
    public var template: ReportTemplate
    public var version: String

    public init(template: ReportTemplate = .builtIn, version: String) {
        self.template = template
        self.version = version
    }

    /// The report's HTML; with `source` (`ReportSource.identifier`), the report records which
    /// notebook it was made from.
    public func render(_ record: RunRecord, generated: Date = Date(), source: String? = nil) throws -> String {
        let compiled = try template.compiled()
        let view = ReportView(record: record, css: template.css, version: version, generatedAt: generated)
        let html = compiled.render(view)
        return source.map { ReportSource.inserting($0, into: html) } ?? html
    }
}
