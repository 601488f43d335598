// MARK: - Typed pieces of a `build` line
//
// Each reader returns nil (and reports why, at `column`) when the text is not a valid value.

extension LayerLineReader {
    /// Units or filters: an integer from 1 to 1,000,000.
    mutating func readCount(_ text: String, of noun: String, syntax: LayerSyntax, at column: Int,
                            diagnostics: inout DiagnosticCollector) -> Int? {
        let range = BuildGrammar.countRange
        guard let count = ValueSyntax.integer(text), count >= range.lowerBound else {
            fail(column, "the number of \(noun) must be an integer from 1 to \(range.upperBound), got '\(text)'",
                 hint: syntax.usage, &diagnostics)
            return nil
        }
        guard count <= range.upperBound else {
            fail(column, "a \(syntax.name) layer takes at most \(range.upperBound) \(noun), got \(count)",
                 hint: "a layer that wide would need gigabytes of weights; use fewer \(noun)", &diagnostics)
            return nil
        }
        return count
    }

    /// A kernel, pool or stride size: `3` or `3x3`, from 1 to 64. `noun` is "kernel", "pool" or "stride".
    mutating func readSquareSize(_ text: String, _ noun: String, at column: Int, example: String,
                                 diagnostics: inout DiagnosticCollector) -> Int? {
        let range = BuildGrammar.sizeRange
        let sizes = ShapeSyntax.sizes(text) ?? []
        if sizes.count == 2, sizes[0] != sizes[1] {
            fail(column, "non-square \(noun)s are not supported, got '\(text)'",
                 hint: "give one size for both directions, e.g. \(example)", &diagnostics)
            return nil
        }
        guard let size = sizes.first, sizes.count <= 2, range.contains(size) else {
            let what = noun == "stride" ? "the stride" : "the \(noun) size"
            fail(column, "\(what) must be an integer from 1 to \(range.upperBound), got '\(text)'",
                 hint: "write one size such as \(example) (or \(example)x\(example))", &diagnostics)
            return nil
        }
        return size
    }

    /// An activation name, positional or `activation=`; a second activation is an error.
    mutating func readActivation(_ text: String, at column: Int, diagnostics: inout DiagnosticCollector) {
        if let first = values.activation {
            fail(column, "the layer already has an activation ('\(first.value.rawValue)')",
                 hint: "give each layer one activation", &diagnostics)
            return
        }
        let names = ActivationName.allCases.map(\.rawValue).joined(separator: ", ")
        values.activation = readChoice(text, of: ActivationName.self, "activation", at: column,
                                       notSupported: BuildGrammar.unsupportedActivations,
                                       hint: "activations: \(names) (linear when none is given)",
                                       diagnostics: &diagnostics).map { Located($0, at: location(column)) }
    }

    /// A decimal number within `bounds`; `what` names it ("the dropout rate").
    mutating func readNumber(_ text: String, _ bounds: NumberBounds, _ what: String, at column: Int, hint: String,
                             diagnostics: inout DiagnosticCollector) -> Double? {
        guard let value = ValueSyntax.number(text), bounds.contains(value) else {
            fail(column, "\(what) must be \(bounds.phrase), got '\(text)'" + bounds.floatNote(ValueSyntax.number(text)), hint: hint, &diagnostics)
            return nil
        }
        return value
    }

    /// One of `Choice`'s raw values, with "not supported yet" for known Keras names and a
    /// suggestion for typos.
    mutating func readChoice<Choice: RawRepresentable & CaseIterable>(
        _ text: String, of type: Choice.Type, _ noun: String, at column: Int, notSupported: Set<String> = [],
        hint: String, diagnostics: inout DiagnosticCollector
    ) -> Choice? where Choice.RawValue == String {
        if let value = Choice(rawValue: text) { return value }
        if notSupported.contains(text.lowercased()) {
            fail(column, "\(noun) '\(text)' is not supported yet", hint: hint, &diagnostics)
        } else {
            let names = Choice.allCases.map(\.rawValue)
            fail(column, "unknown \(noun) '\(text)'" + Suggestion.didYouMean(text, among: names), hint: hint, &diagnostics)
        }
        return nil
    }

    /// `input=784` or `input=28x28x1`, of the rank the layer needs.
    mutating func readInput(_ text: String, at column: Int, syntax: LayerSyntax, diagnostics: inout DiagnosticCollector) {
        let rule = ShapeRule.layerInput
        guard let shape = rule.shape(text) else {
            fail(column, "input must be \(rule.phrase), got '\(text)'",
                 hint: "give the shape of one sample, e.g. input=784 for flat rows or input=28x28x1 for images", &diagnostics)
            return
        }
        if let rank = syntax.inputRank, shape.count != rank {
            if rank == 1 {
                fail(column, "\(syntax.name) takes a flat input, input=N, got '\(text)'",
                     hint: "flatten the samples first: `flatten: true` in preprocess, or a first layer `flatten input=\(text)`",
                     &diagnostics)
            } else {
                fail(column, "\(syntax.name) takes an image input, input=HxWxC (channels last), got '\(text)'",
                     hint: "e.g. input=28x28x1 for MNIST; `reshape: 28x28x1` in preprocess gives the data that shape",
                     &diagnostics)
            }
            return
        }
        values.input = shape
    }
}
