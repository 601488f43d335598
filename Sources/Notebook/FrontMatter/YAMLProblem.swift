import Yams

/// Problems in a YAML text (the front matter, a parameters file) told at the notebook's or the
/// file's line and column.
enum YAMLProblem {
    /// How a node is named in messages.
    static func kind(of node: Node) -> String {
        switch node {
        case .scalar: return "text"
        case .mapping: return "a mapping (`key: value` lines below it)"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// Whether a scalar is YAML's null: nothing, `~` or `null` written plainly.
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// Reports a Yams error; `what` names the text ("the front matter").
    static func report(_ error: YamlError, in source: FrontMatterSource, what: String, hint: String,
                       diagnostics: inout DiagnosticCollector) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // An error at the end of the text is clearer where its construct started.
            let useContext = mark.line > source.lastLine - source.firstLine + 1 && context != nil
            let (line, column) = source.position(of: useContext ? context?.mark : mark)
            let during = context.map { " (\($0.text))" } ?? ""
            diagnostics.error(line: line, column: column, "\(what) is not valid YAML: \(problem)\(during)", hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            reportDuplicate(duplicates.first ?? "", near: context.mark, in: source, diagnostics: &diagnostics)
        default:
            diagnostics.error(line: source.firstLine, column: 1, "\(what) is not valid YAML: \(error)", hint: hint)
        }
    }

    /// Points at the key's second occurrence (at the same indentation as the one Yams names).
    private static func reportDuplicate(_ key: String, near mark: Mark, in source: FrontMatterSource,
                                        diagnostics: inout DiagnosticCollector) {
        let (markLine, markColumn) = source.position(of: mark)
        let occurrences = (source.firstLine...source.lastLine).filter { number in
            let line = source.text.line(number)
            let start = markColumn - 1
            guard start < line.count, LineScanner.skipSpaces(line, from: 0) == start else { return false }
            guard case .option(let option) = OptionLineLexeme.read(line, line: number) else { return false }
            return option.key.text == key
        }
        if occurrences.count >= 2 {
            diagnostics.error(line: occurrences[1], column: markColumn, "'\(key)' is set twice (first on line \(occurrences[0]))",
                              hint: "keep only one `\(key):` line")
        } else {
            diagnostics.error(line: markLine, column: markColumn, "'\(key)' is set twice", hint: "keep only one `\(key):` line")
        }
    }
}
