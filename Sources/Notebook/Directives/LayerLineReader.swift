/// Reads one `build` line, reporting every problem in it at its exact column.
struct LayerLineReader {
    let line: CellBody.Line
    let file: String
    let isFirst: Bool
    /// False once a problem has been reported.
    var ok = true
    /// What the line said so far.
    var values = LayerValues()
    private var seenKeys: Set<String> = []

    init(line: CellBody.Line, file: String, isFirst: Bool) {
        self.line = line
        self.file = file
        self.isFirst = isFirst
    }

    mutating func read(diagnostics: inout DiagnosticCollector) -> Located<LayerLine>? {
        let end = LineScanner.contentEnd(line.bytes, from: 0)
        let words = LineScanner.words(line.bytes, from: 0, to: end)
        guard let kind = words.first else { return nil }
        guard let syntax = LayerSyntax.named(kind.text) else {
            reportUnknownLayer(kind, diagnostics: &diagnostics)
            return nil
        }
        var positional = 0
        for word in words.dropFirst() {
            if let equals = word.text.firstIndex(of: "=") {
                readArgument(word, equals: equals, syntax: syntax, diagnostics: &diagnostics)
                continue
            }
            if LayerSyntax.allKeys.contains(word.text) {
                fail(word.column, "'\(word.text)' is an option and needs a value",
                     hint: "write it as `\(word.text)=VALUE`, without spaces; \(syntax.usage)", &diagnostics)
                continue
            }
            if positional < syntax.slots.count {
                read(syntax.slots[positional], word, syntax: syntax, diagnostics: &diagnostics)
            } else {
                reportExtra(word, syntax: syntax, diagnostics: &diagnostics)
            }
            positional += 1
        }
        if positional < syntax.required {
            fail(kind.column, "\(syntax.name) needs \(syntax.slots[positional].missingPhrase)", hint: syntax.usage, &diagnostics)
        }
        guard ok, let layerKind = values.kind(of: syntax.family) else { return nil }
        let layer = LayerLine(kind: layerKind, inputShape: values.input, initializer: values.initializer)
        return Located(layer, at: location(kind.column))
    }

    // MARK: - Arguments

    private mutating func read(_ slot: LayerSyntax.Slot, _ word: Token, syntax: LayerSyntax,
                               diagnostics: inout DiagnosticCollector) {
        let column = word.column
        switch slot {
        case .units: values.count = readCount(word.text, of: "units", syntax: syntax, at: column, diagnostics: &diagnostics)
        case .filters: values.count = readCount(word.text, of: "filters", syntax: syntax, at: column, diagnostics: &diagnostics)
        case .kernel: values.kernel = readSquareSize(word.text, "kernel", at: column, example: "3", diagnostics: &diagnostics)
        case .pool: values.pool = readSquareSize(word.text, "pool", at: column, example: "2", diagnostics: &diagnostics)
        case .activation: readActivation(word.text, at: column, diagnostics: &diagnostics)
        case .rate: values.rate = readNumber(word.text, .fraction, "the dropout rate", at: column,
                                             hint: "the fraction of inputs zeroed while training, e.g. `dropout 0.5`",
                                             diagnostics: &diagnostics)
        case .slope: values.slope = readNumber(word.text, LayerValues.slopeBounds, "the negative slope", at: column,
                                               hint: "the slope for negative inputs, e.g. `leaky_relu 0.3`",
                                               diagnostics: &diagnostics)
        }
    }

    private mutating func readArgument(_ word: Token, equals: String.Index, syntax: LayerSyntax,
                                       diagnostics: inout DiagnosticCollector) {
        let key = String(word.text[..<equals])
        let value = String(word.text[word.text.index(after: equals)...])
        let valueColumn = word.column + key.utf8.count + 1
        guard syntax.keys.contains(key) else {
            reportUnknownKey(key, at: word.column, syntax: syntax, diagnostics: &diagnostics)
            return
        }
        if key == "input", !isFirst {
            fail(word.column, "only the first layer takes input=",
                 hint: "later layers take their input shape from the layer before; remove `\(word.text)`", &diagnostics)
            return
        }
        guard !seenKeys.contains(key) else {
            fail(word.column, "\(key)= is given twice", hint: "keep one `\(key)=`", &diagnostics)
            return
        }
        seenKeys.insert(key)
        switch key {
        case "activation": readActivation(value, at: valueColumn, diagnostics: &diagnostics)
        case "input": readInput(value, at: valueColumn, syntax: syntax, diagnostics: &diagnostics)
        case "stride": values.stride = readSquareSize(value, "stride", at: valueColumn, example: "2", diagnostics: &diagnostics)
        case "padding":
            values.padding = readChoice(value, of: PaddingName.self, "padding", at: valueColumn,
                                        hint: "valid (no padding, the default) or same (keep the size at stride 1)",
                                        diagnostics: &diagnostics)
        default:
            let names = InitializerName.allCases.map(\.rawValue).joined(separator: ", ")
            values.initializer = readChoice(value, of: InitializerName.self, "initializer", at: valueColumn,
                                            notSupported: BuildGrammar.unsupportedInitializers,
                                            hint: "initializers: \(names) (glorot_uniform when none is given)",
                                            diagnostics: &diagnostics)
        }
    }

    // MARK: - Problems with the line as a whole

    private mutating func reportUnknownKey(_ key: String, at column: Int, syntax: LayerSyntax,
                                           diagnostics: inout DiagnosticCollector) {
        let accepted = syntax.keys.map { "`\($0)=`" }.joined(separator: ", ")
        let hint = "\(syntax.name) takes \(accepted); \(syntax.usage)"
        if LayerSyntax.allKeys.contains(key) {
            fail(column, "\(syntax.name) takes no '\(key)=' argument", hint: hint, &diagnostics)
        } else if let keras = LayerSyntax.kerasArguments[key] {
            fail(column, "unknown \(syntax.name) argument '\(key)='", hint: "\(keras); \(syntax.usage)", &diagnostics)
        } else {
            fail(column, "unknown \(syntax.name) argument '\(key)='" + Suggestion.didYouMean(key, among: syntax.keys),
                 hint: hint, &diagnostics)
        }
    }

    private mutating func reportExtra(_ word: Token, syntax: LayerSyntax, diagnostics: inout DiagnosticCollector) {
        if let first = values.activation, ActivationName(rawValue: word.text) != nil {
            fail(word.column, "the layer already has an activation ('\(first.value.rawValue)')",
                 hint: "give each layer one activation", &diagnostics)
        } else if case .activation = syntax.family, syntax.slots.isEmpty, ValueSyntax.number(word.text) != nil {
            fail(word.column, "'\(syntax.name)' takes no arguments",
                 hint: "only `leaky_relu SLOPE` takes a number, its negative slope", &diagnostics)
        } else {
            fail(word.column, "unexpected '\(word.text)' in a \(syntax.name) line", hint: syntax.usage, &diagnostics)
        }
    }

    private mutating func reportUnknownLayer(_ kind: Token, diagnostics: inout DiagnosticCollector) {
        let word = kind.text
        let hint = "layers: \(BuildGrammar.layerList)"
        if word.lowercased() == "activation" {
            fail(kind.column, "an activation layer is written as the activation's name alone",
                 hint: "e.g. `relu` or `leaky_relu 0.3` on its own line", &diagnostics)
        } else if BuildGrammar.unsupportedLayers.contains(word.lowercased()) {
            fail(kind.column, "layer type '\(word)' is not supported yet", hint: hint, &diagnostics)
        } else if BuildGrammar.unsupportedActivations.contains(word.lowercased()) {
            fail(kind.column, "activation '\(word)' is not supported yet", hint: hint, &diagnostics)
        } else {
            fail(kind.column, "unknown layer type '\(word)'" + Suggestion.didYouMean(word, among: LayerSyntax.allTypeNames),
                 hint: hint, &diagnostics)
        }
    }

    // MARK: - Helpers

    func location(_ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line.number, column: column)
    }

    mutating func fail(_ column: Int, _ message: String, hint: String, _ diagnostics: inout DiagnosticCollector) {
        ok = false
        diagnostics.error(at: location(column), message, hint: hint)
    }
}
