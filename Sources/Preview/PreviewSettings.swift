import Foundation
import Report

/// What preview needs to know to run a notebook and show it: the same inputs `folio run` takes.
public struct PreviewSettings: Sendable {
    /// The notebook, as the user wrote its path.
    public var notebook: String
    /// Where the report is written (as `folio run` would write it), so the file and the page agree.
    public var reportPath: String
    /// Which notebook the report records it was made from (`ReportSource.identifier`).
    public var source: String
    public var renderer: ReportRenderer
    public var environment: [String: String]

    public init(notebook: String, reportPath: String, source: String, renderer: ReportRenderer,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.notebook = notebook
        self.reportPath = reportPath
        self.source = source
        self.renderer = renderer
        self.environment = environment
    }
}
