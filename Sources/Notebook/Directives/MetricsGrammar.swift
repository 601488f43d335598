/// `fit`'s `metrics:` option: `accuracy`, `[accuracy]` or `['accuracy']`. Folio always reports
/// accuracy, so the option only confirms it; any other metric is an error.
enum MetricsGrammar {
    static let hint = "Folio always reports accuracy; write `metrics: accuracy` or leave the option out"

    static func check(_ options: CellOptions, diagnostics: inout DiagnosticCollector) {
        guard let option = options.written("metrics", diagnostics: &diagnostics) else { return }
        var bytes = Array(option.value.text.utf8)
        var firstColumn = option.value.column + (option.valueIsQuoted ? 1 : 0)
        if bytes.first == UInt8(ascii: "[") {
            guard bytes.last == UInt8(ascii: "]"), bytes.count >= 2 else {
                diagnostics.error(at: options.valueLocation(option), "the metrics list has no closing ]",
                                  hint: "write `metrics: [accuracy]`")
                return
            }
            bytes = Array(bytes.dropFirst().dropLast())
            firstColumn += 1
        }
        for item in LineScanner.commaSeparated(bytes, from: 0, to: bytes.count) {
            var name = item.text
            if name.count >= 2, let quote = name.first, quote == "'" || quote == "\"", name.last == quote {
                name = String(name.dropFirst().dropLast())
            }
            guard name != "accuracy" else { continue }
            let location = SourceLocation(file: options.cell.fence.file, line: option.line,
                                          column: firstColumn + item.column - 1)
            diagnostics.error(at: location, "metric '\(name)' is not supported" + Suggestion.didYouMean(name, among: ["accuracy"]),
                              hint: hint)
        }
    }
}
