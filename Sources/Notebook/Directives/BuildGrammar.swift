/// `build`: one layer per line, `dense UNITS [ACTIVATION] [input=N]`.
///
/// Words are separated by spaces or tabs; `key=value` arguments may stand anywhere after the
/// layer type; `input=` is allowed on the first layer only.
enum BuildGrammar {
    static let layerTypes = ["dense"]
    static let unitsRange = 1...1_000_000
    static let inputRange = 1...100_000_000
    static let form = "`dense UNITS [ACTIVATION] [input=N]`, e.g. `dense 128 relu`"
    static let usage = "write " + form

    /// Keras layer names Folio's notebooks cannot build yet.
    static let unsupportedLayers: Set<String> = [
        "conv1d", "conv2d", "conv3d", "maxpool2d", "maxpooling2d", "max_pooling2d", "averagepooling2d",
        "flatten", "dropout", "batchnormalization", "batch_normalization", "batchnorm", "lstm", "gru",
        "simplernn", "embedding", "reshape", "activation", "layernormalization", "globalaveragepooling2d",
    ]
    /// Keras activation names Folio does not implement yet.
    static let unsupportedActivations: Set<String> = [
        "elu", "selu", "gelu", "softplus", "softsign", "swish", "silu", "exponential", "hard_sigmoid",
        "leaky_relu", "relu6", "mish", "log_softmax", "hard_silu", "hard_swish",
    ]

    static func parse(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> BuildDirective? {
        let lines = cell.meaningfulLines
        guard !lines.isEmpty else {
            diagnostics.error(at: cell.fence, "build has no layers",
                              hint: "write one layer per line, e.g. `dense 128 relu input=784`")
            return nil
        }
        var layers: [Located<LayerLine>] = []
        var valid = true
        for (position, line) in lines.enumerated() {
            var reader = LayerLineReader(line: line, file: cell.fence.file, isFirst: position == 0)
            if let layer = reader.read(diagnostics: &diagnostics) { layers.append(layer) } else { valid = false }
        }
        return valid ? BuildDirective(layers: layers) : nil
    }
}

/// Reads one `build` line, reporting every problem in it.
struct LayerLineReader {
    let line: CellBody.Line
    let file: String
    let isFirst: Bool
    private var ok = true

    init(line: CellBody.Line, file: String, isFirst: Bool) {
        self.line = line
        self.file = file
        self.isFirst = isFirst
    }

    mutating func read(diagnostics: inout DiagnosticCollector) -> Located<LayerLine>? {
        let end = LineScanner.contentEnd(line.bytes, from: 0)
        let words = LineScanner.words(line.bytes, from: 0, to: end)
        guard let kind = words.first else { return nil }
        guard kind.text == "dense" else {
            reportUnknownLayer(kind, diagnostics: &diagnostics)
            return nil
        }
        var units: Int?
        var activation: Located<ActivationName>?
        var input: Located<Int>?
        var positional = 0
        for word in words.dropFirst() {
            if let equals = word.text.firstIndex(of: "=") {
                readArgument(word, equals: equals, into: &input, diagnostics: &diagnostics)
                continue
            }
            switch positional {
            case 0: units = readUnits(word, diagnostics: &diagnostics)
            case 1: activation = readActivation(word, diagnostics: &diagnostics)
            default: reportExtra(word, activation: activation, diagnostics: &diagnostics)
            }
            positional += 1
        }
        if positional == 0 {
            fail(kind.column, "dense needs a number of units", hint: BuildGrammar.usage, &diagnostics)
        }
        guard ok, let units else { return nil }
        let layer = LayerLine.dense(units: units, activation: activation?.value ?? .linear, inputSize: input?.value)
        return Located(layer, at: location(kind.column))
    }

    // MARK: - Pieces of the line

    private mutating func readUnits(_ word: Token, diagnostics: inout DiagnosticCollector) -> Int? {
        guard let units = ValueSyntax.integer(word.text), units >= 1 else {
            fail(word.column, "the number of units must be an integer from 1 to \(BuildGrammar.unitsRange.upperBound), got '\(word.text)'",
                 hint: BuildGrammar.usage, &diagnostics)
            return nil
        }
        guard units <= BuildGrammar.unitsRange.upperBound else {
            fail(word.column, "a dense layer takes at most \(BuildGrammar.unitsRange.upperBound) units, got \(units)",
                 hint: "a layer that wide would need gigabytes of weights; use fewer units", &diagnostics)
            return nil
        }
        return units
    }

    private mutating func readActivation(_ word: Token, diagnostics: inout DiagnosticCollector) -> Located<ActivationName>? {
        if let activation = ActivationName(rawValue: word.text) { return Located(activation, at: location(word.column)) }
        let names = ActivationName.allCases.map(\.rawValue)
        let hint = "activations: \(names.joined(separator: ", ")) (linear when none is given)"
        if BuildGrammar.unsupportedActivations.contains(word.text.lowercased()) {
            fail(word.column, "activation '\(word.text)' is not supported yet", hint: hint, &diagnostics)
        } else {
            fail(word.column, "unknown activation '\(word.text)'" + Suggestion.didYouMean(word.text, among: names),
                 hint: hint, &diagnostics)
        }
        return nil
    }

    private mutating func readArgument(_ word: Token, equals: String.Index, into input: inout Located<Int>?,
                                       diagnostics: inout DiagnosticCollector) {
        let key = String(word.text[..<equals])
        let value = String(word.text[word.text.index(after: equals)...])
        let valueColumn = word.column + key.utf8.count + 1
        guard key == "input" else {
            fail(word.column, "unknown dense argument '\(key)='" + Suggestion.didYouMean(key, among: ["input"]),
                 hint: "dense takes only `input=N` besides its units and activation; \(BuildGrammar.usage)", &diagnostics)
            return
        }
        guard isFirst else {
            fail(word.column, "only the first layer takes input=",
                 hint: "later layers take their input size from the layer before; remove `\(word.text)`", &diagnostics)
            return
        }
        guard input == nil else {
            fail(word.column, "input= is given twice", hint: "keep one `input=`", &diagnostics)
            return
        }
        guard let size = ValueSyntax.integer(value), BuildGrammar.inputRange.contains(size) else {
            fail(valueColumn, "input must be an integer from 1 to \(BuildGrammar.inputRange.upperBound), got '\(value)'",
                 hint: "give the flat input size, e.g. input=784 for 28×28 images flattened by `preprocess`", &diagnostics)
            return
        }
        input = Located(size, at: location(valueColumn))
    }

    private mutating func reportExtra(_ word: Token, activation: Located<ActivationName>?,
                                      diagnostics: inout DiagnosticCollector) {
        if let first = activation, ActivationName(rawValue: word.text) != nil {
            fail(word.column, "the layer already has an activation ('\(first.value.rawValue)')",
                 hint: "give each layer one activation", &diagnostics)
        } else {
            fail(word.column, "unexpected '\(word.text)' in a dense line", hint: BuildGrammar.usage, &diagnostics)
        }
    }

    private mutating func reportUnknownLayer(_ kind: Token, diagnostics: inout DiagnosticCollector) {
        let hint = "Folio builds dense layers: \(BuildGrammar.form)"
        if BuildGrammar.unsupportedLayers.contains(kind.text.lowercased()) {
            fail(kind.column, "layer type '\(kind.text)' is not supported yet", hint: hint, &diagnostics)
        } else {
            fail(kind.column, "unknown layer type '\(kind.text)'" + Suggestion.didYouMean(kind.text, among: BuildGrammar.layerTypes),
                 hint: hint, &diagnostics)
        }
    }

    // MARK: - Helpers

    private func location(_ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line.number, column: column)
    }

    private mutating func fail(_ column: Int, _ message: String, hint: String, _ diagnostics: inout DiagnosticCollector) {
        ok = false
        diagnostics.error(at: location(column), message, hint: hint)
    }
}
