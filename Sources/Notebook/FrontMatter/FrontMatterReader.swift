import Yams

/// Reads the front matter's YAML with Yams and types the keys Folio uses; every problem is
/// reported at its notebook line and column.
struct FrontMatterReader {
    let source: FrontMatterSource

    func read(into matter: inout FrontMatter, diagnostics: inout DiagnosticCollector) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: source.yaml)
        } catch let error as YamlError {
            let hint = "the front matter is YAML: `key: value` lines; quote a value that holds `: ` or starts with a special character"
            YAMLProblem.report(error, in: source, what: "the front matter", hint: hint, diagnostics: &diagnostics)
            return
        } catch {
            diagnostics.error(line: source.firstLine, column: 1, "the front matter cannot be read: \(error)")
            return
        }
        guard let root else { return }
        guard case .mapping(let mapping) = root else {
            let (line, column) = source.position(of: root)
            diagnostics.error(line: line, column: column, "the front matter must be `key: value` lines, got \(YAMLProblem.kind(of: root))",
                              hint: "write e.g. `title: My notebook` on its own line")
            return
        }
        for (keyNode, value) in mapping {
            let (line, column) = source.position(of: keyNode)
            guard case .scalar(let key) = keyNode else {
                diagnostics.error(line: line, column: column, "a front matter key must be a plain word, got \(YAMLProblem.kind(of: keyNode))")
                continue
            }
            apply(key.string, value, line: line, column: column, to: &matter, diagnostics: &diagnostics)
        }
    }

    private func apply(_ key: String, _ value: Node, line: Int, column: Int, to matter: inout FrontMatter,
                       diagnostics: inout DiagnosticCollector) {
        switch key {
        case "title": matter.title = text(key, value, diagnostics: &diagnostics)
        case "date": matter.date = text(key, value, diagnostics: &diagnostics)
        case "description": matter.description = text(key, value, diagnostics: &diagnostics)
        case "author": matter.author = authors(value, diagnostics: &diagnostics)
        case "params":
            matter.parametersLocation = SourceLocation(file: source.text.path, line: line, column: column)
            matter.parameters = ParametersReader(source: source).read(value, diagnostics: &diagnostics)
        case "seed":
            guard let written = text(key, value, diagnostics: &diagnostics) else { return }
            guard let seed = ValueSyntax.integer(written), FrontMatter.seedRange.contains(seed) else {
                let (line, column) = source.position(of: value)
                diagnostics.error(line: line, column: column,
                                  "'seed' must be an integer from 0 to \(Int.max), got '\(written)'")
                return
            }
            matter.seed = UInt64(seed)
            matter.seedIsExplicit = true
        default:
            diagnostics.note(line: line, column: column,
                             "front matter key '\(key)' is not used by Folio" + Suggestion.didYouMean(key, among: FrontMatter.keys))
        }
    }

    /// A scalar's text as written; an error for an empty value, a list or a mapping.
    private func text(_ key: String, _ value: Node, diagnostics: inout DiagnosticCollector) -> String? {
        let (line, column) = source.position(of: value)
        guard case .scalar(let scalar) = value else {
            diagnostics.error(line: line, column: column, "'\(key)' must be text, got \(YAMLProblem.kind(of: value))",
                              hint: "write `\(key): …` with the value on the same line (quote it if it holds `: ` or `#`)")
            return nil
        }
        guard !scalar.string.isEmpty else {
            diagnostics.error(line: line, column: column, "'\(key)' has no value",
                              hint: "write a value after the colon, or remove the line")
            return nil
        }
        return scalar.string
    }

    /// One author as text, or a list of them (each text, or a mapping with a `name`) joined with ", ".
    private func authors(_ value: Node, diagnostics: inout DiagnosticCollector) -> String? {
        guard case .sequence(let list) = value else { return text("author", value, diagnostics: &diagnostics) }
        var names: [String] = []
        for item in list {
            if case .mapping(let entry) = item, let name = entry["name"] {
                text("author", name, diagnostics: &diagnostics).map { names.append($0) }
            } else {
                text("author", item, diagnostics: &diagnostics).map { names.append($0) }
            }
        }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }
}
