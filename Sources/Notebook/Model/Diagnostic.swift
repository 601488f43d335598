/// A problem found in a notebook, with where it is and, when we know one, how to fix it.
///
/// Rendered as `FILE:LINE:COL: error: MESSAGE` followed by an indented `hint:` line.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// How serious a diagnostic is. Only errors make a notebook invalid; a note (such as a front
    /// matter key Folio does not use) is printed and the notebook still runs.
    public enum Severity: String, Sendable { case error, warning, note }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    public var hint: String?

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }
}

/// All the problems found in one notebook, in source order. Thrown when a notebook is invalid as text.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
