import Yams

/// A parameter as the front matter's `params:` declares it: its name and default, and where each is written.
struct ParameterDeclaration: Equatable {
    var name: String
    var value: ParameterValue
    var nameLocation: SourceLocation
    var valueLocation: SourceLocation
}

/// Reads the front matter's `params:` mapping: each name (a letter or `_`, then letters, digits, `_`)
/// with a default that is a number, an integer, a boolean or text (a quoted value is always text).
struct ParametersReader {
    let source: FrontMatterSource

    private static let hint = "write each parameter on its own line below `params:`, indented, e.g. `  epochs: 10`"

    func read(_ node: Node, diagnostics: inout DiagnosticCollector) -> [ParameterDeclaration] {
        guard case .mapping(let mapping) = node else {
            let (line, column) = source.position(of: node)
            if case .scalar(let scalar) = node, YAMLProblem.isNull(scalar) {
                diagnostics.error(line: line, column: column, "'params' declares no parameters", hint: Self.hint)
            } else {
                diagnostics.error(line: line, column: column,
                                  "'params' must be a mapping of parameter names to default values, got \(YAMLProblem.kind(of: node))",
                                  hint: Self.hint)
            }
            return []
        }
        var declarations: [ParameterDeclaration] = []
        for (keyNode, value) in mapping {
            let (line, column) = source.position(of: keyNode)
            guard case .scalar(let key) = keyNode, Parameter.isValidName(key.string) else {
                let written = { if case .scalar(let key) = keyNode { return "'\(key.string)'" } else { return YAMLProblem.kind(of: keyNode) } }()
                diagnostics.error(line: line, column: column, "\(written) is not a parameter name",
                                  hint: "a name is a letter or `_`, then letters, digits and `_` (e.g. `learning_rate`)")
                continue
            }
            guard let declaration = declaration(key.string, value, at: location(line, column), diagnostics: &diagnostics) else { continue }
            declarations.append(declaration)
        }
        return declarations
    }

    private func declaration(_ name: String, _ node: Node, at nameLocation: SourceLocation,
                             diagnostics: inout DiagnosticCollector) -> ParameterDeclaration? {
        let (line, column) = source.position(of: node)
        guard case .scalar(let scalar) = node else {
            diagnostics.error(line: line, column: column,
                              "the default of '\(name)' must be a number, a boolean or text, got \(YAMLProblem.kind(of: node))",
                              hint: "write the default on the same line: `\(name): 10`")
            return nil
        }
        guard !YAMLProblem.isNull(scalar) else {
            diagnostics.error(at: nameLocation, "parameter '\(name)' has no default value",
                              hint: "write its default after the colon, e.g. `\(name): 10` (quote text: `\(name): \"\"`)")
            return nil
        }
        if let problem = ParameterValue.problem(with: scalar.string) {
            diagnostics.error(line: line, column: column, "the default of '\(name)': \(problem)")
            return nil
        }
        let value = scalar.style == .plain ? ParameterValue.inferred(fromPlain: scalar.string) : .string(scalar.string)
        return ParameterDeclaration(name: name, value: value, nameLocation: nameLocation, valueLocation: location(line, column))
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: source.text.path, line: line, column: column)
    }
}
