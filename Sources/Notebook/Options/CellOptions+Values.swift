// MARK: - Typed values
//
// Each accessor returns nil when the option is absent or wrong; when it is wrong it reports why,
// at the value's column. Absent required options are reported by `require`.

extension CellOptions {
    /// The option written for `key` if its value is not empty; an empty value is reported.
    func written(_ key: String, diagnostics: inout DiagnosticCollector) -> OptionLine? {
        guard let option = self[key] else { return nil }
        guard !option.value.text.isEmpty else {
            diagnostics.error(at: valueLocation(option), "'\(key)' has no value",
                              hint: "write a value after the colon, or remove the line")
            return nil
        }
        return option
    }

    /// Reports a missing required option at the cell's fence; returns whether it is present.
    @discardableResult
    func require(_ key: String, example: String, diagnostics: inout DiagnosticCollector) -> Bool {
        guard !mentions(key) else { return true }
        let article = key.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        diagnostics.error(at: cell.fence, "\(cell.name) needs \(article) '\(key)' option",
                          hint: "add a line such as `\(example)` to the cell")
        return false
    }

    /// `true`/`false` (also `yes`/`no`, any case).
    func boolean(_ key: String, diagnostics: inout DiagnosticCollector) -> Bool? {
        guard let option = written(key, diagnostics: &diagnostics) else { return nil }
        guard let value = ValueSyntax.boolean(option.value.text) else {
            diagnostics.error(at: valueLocation(option), "'\(key)' must be true or false, got '\(option.value.text)'")
            return nil
        }
        return value
    }

    /// A whole number within `range`.
    func integer(_ key: String, in range: ClosedRange<Int>, diagnostics: inout DiagnosticCollector) -> Located<Int>? {
        guard let option = written(key, diagnostics: &diagnostics) else { return nil }
        guard let value = ValueSyntax.integer(option.value.text), range.contains(value) else {
            diagnostics.error(at: valueLocation(option),
                              "'\(key)' must be an integer from \(range.lowerBound) to \(range.upperBound), got '\(option.value.text)'")
            return nil
        }
        return Located(value, at: valueLocation(option))
    }

    /// A decimal number within `bounds`.
    func number(_ key: String, _ bounds: NumberBounds, diagnostics: inout DiagnosticCollector) -> Double? {
        guard let option = written(key, diagnostics: &diagnostics) else { return nil }
        guard let value = ValueSyntax.number(option.value.text), bounds.contains(value) else {
            diagnostics.error(at: valueLocation(option), "'\(key)' must be \(bounds.phrase), got '\(option.value.text)'"
                                  + bounds.floatNote(ValueSyntax.number(option.value.text)))
            return nil
        }
        return value
    }

    /// Any non-empty text (quotes already removed).
    func text(_ key: String, diagnostics: inout DiagnosticCollector) -> Located<String>? {
        guard let option = written(key, diagnostics: &diagnostics) else { return nil }
        return Located(option.value.text, at: valueLocation(option))
    }

    /// A shape such as `28x28x1` that `rule` allows.
    func shape(_ key: String, _ rule: ShapeRule, diagnostics: inout DiagnosticCollector) -> Located<[Int]>? {
        guard let option = written(key, diagnostics: &diagnostics) else { return nil }
        guard let shape = rule.shape(option.value.text) else {
            diagnostics.error(at: valueLocation(option), "'\(key)' must be \(rule.phrase), got '\(option.value.text)'",
                              hint: "channels last, as Keras: `28x28x1` for gray 28×28 images")
            return nil
        }
        return Located(shape, at: valueLocation(option))
    }

    /// One of `Choice`'s raw values, or one of `aliases` (other spellings Keras accepts). Names
    /// in `notSupported` (Keras names Folio does not implement yet) get their own message; other
    /// unknown names get a suggestion.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, of type: Choice.Type, aliases: [String: Choice] = [:], notSupported: Set<String> = [],
        hint: String? = nil, diagnostics: inout DiagnosticCollector
    ) -> Located<Choice>? where Choice.RawValue == String {
        guard let option = written(key, diagnostics: &diagnostics) else { return nil }
        let text = option.value.text
        if let value = Choice(rawValue: text) ?? aliases[text] { return Located(value, at: valueLocation(option)) }
        let names = Choice.allCases.map(\.rawValue)
        let list = hint ?? "\(key) is one of: \(names.joined(separator: ", "))"
        if notSupported.contains(text.lowercased()) {
            diagnostics.error(at: valueLocation(option), "\(key) '\(text)' is not supported yet", hint: list)
        } else {
            diagnostics.error(at: valueLocation(option),
                              "unknown \(key) '\(text)'" + Suggestion.didYouMean(text, among: names), hint: list)
        }
        return nil
    }
}
