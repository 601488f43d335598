/// Gives each declared parameter its final value: its default, replaced by a `--params` file's
/// value, replaced by a `-p` argument's. Every override must name a declared parameter and have the
/// default's type; each problem is a diagnostic (a `-p` problem names the argument).
struct ParameterResolver {
    let declarations: [ParameterDeclaration]
    /// Where `params:` is written (unknown `-p` names are reported there), else nil.
    let parametersLocation: SourceLocation?
    let notebookPath: String

    func resolve(_ overrides: ParameterOverrides, diagnostics: inout DiagnosticCollector) -> [Parameter] {
        var parameters = declarations.map {
            Parameter(name: $0.name, value: $0.value, source: .notebookDefault, declaration: $0.valueLocation)
        }
        let fallback = parametersLocation ?? SourceLocation(file: notebookPath, line: 1, column: 1)
        for argument in overrides.malformedArguments {
            diagnostics.error(at: fallback, "-p \(argument): expected NAME=VALUE",
                              hint: "give a parameter's value as `-p NAME=VALUE`, e.g. `-p epochs=2`")
        }
        for entry in overrides.entries {
            guard let index = parameters.firstIndex(where: { $0.name == entry.name }) else {
                reportUnknown(entry, at: fallback, diagnostics: &diagnostics)
                continue
            }
            let declared = parameters[index]
            let defaultValue = declarations[index].value
            if let problem = ParameterValue.problem(with: entry.text) {
                let hint = "give a value of at most \(ParameterValue.maximumLength) bytes on one line, without control characters"
                report(entry, declared: declared, message: problem, hint: hint, diagnostics: &diagnostics)
                continue
            }
            guard let value = ParameterValue.parse(entry.text, as: defaultValue.kind) else {
                let message = "'\(entry.name)' takes \(defaultValue.kind.rawValue) (its default is \(defaultValue.text)), got '\(entry.text)'"
                report(entry, declared: declared, message: message, hint: "write \(ParameterValue.spelling(of: defaultValue.kind))",
                       diagnostics: &diagnostics)
                continue
            }
            parameters[index].value = value
            switch entry.origin {
            case .argument: parameters[index].source = .commandLine
            case .file: parameters[index].source = .file
            }
        }
        return parameters
    }

    /// A `-p` problem is told at the parameter's default in the notebook, naming the argument; a file's at its value.
    private func report(_ entry: ParameterOverrides.Entry, declared: Parameter, message: String, hint: String,
                        diagnostics: inout DiagnosticCollector) {
        switch entry.origin {
        case .argument(let argument):
            diagnostics.error(at: declared.declaration, "-p \(argument): \(message)", hint: hint)
        case .file(_, let value):
            diagnostics.error(at: value, message, hint: "\(hint) ('\(entry.name)' is declared at \(declared.declaration))")
        }
    }

    private func reportUnknown(_ entry: ParameterOverrides.Entry, at fallback: SourceLocation,
                               diagnostics: inout DiagnosticCollector) {
        let names = declarations.map(\.name)
        let message = "the notebook has no parameter '\(entry.name)'" + Suggestion.didYouMean(entry.name, among: names)
        let hint = names.isEmpty
            ? "declare it in the front matter: `params:`, then `  \(entry.name): DEFAULT` on the next line"
            : "its parameters (front matter `params:`): \(names.joined(separator: ", "))"
        switch entry.origin {
        case .argument(let argument): diagnostics.error(at: fallback, "-p \(argument): \(message)", hint: hint)
        case .file(let name, _): diagnostics.error(at: name, message, hint: hint)
        }
    }
}
