import Foundation
import Notebook
import Report
import Runner

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
    /// `-p name=value` arguments, as given.
    public var parameterArguments: [String]
    /// `--params FILE`: read again for every run (and watched), so editing it re-runs the notebook.
    public var parameterFile: String?
    /// The cell cache runs restore unchanged cells from (on by default for preview), or nil.
    public var cache: CellCache?

    public init(notebook: String, reportPath: String, source: String, renderer: ReportRenderer,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                parameterArguments: [String] = [], parameterFile: String? = nil, cache: CellCache? = nil) {
        self.cache = cache
        self.notebook = notebook
        self.parameterArguments = parameterArguments
        self.parameterFile = parameterFile
        self.reportPath = reportPath
        self.source = source
        self.renderer = renderer
        self.environment = environment
    }
}

extension PreviewSettings {
    /// The parameters for one run: the `-p` arguments over the `--params` file as it is now, or the
    /// file's problems (shown in the page instead of a report).
    func parameterOverrides() -> Result<ParameterOverrides, DiagnosticList> {
        ParameterOverrides.load(arguments: parameterArguments, file: parameterFile)
    }
}
