import Foundation

/// The `#| label: NAME` cell option: the name a `build` or `load model:` cell gives its model, shown in
/// the legends and tables of `plot: compare`, in single-model chart captions and in the `--json` `models`.
///
/// A label is one line of visible text, at most `maximumLength` characters. That it is unique in the
/// notebook and written on a cell that makes a model is checked by `ModelLabels`, which sees every cell.
enum ModelLabel {
    /// The longest label, in characters: it must fit in a legend.
    static let maximumLength = 40

    /// The label's text, or nil after a diagnostic at its value.
    static func read(_ option: OptionLine, diagnostics: inout DiagnosticCollector) -> String? {
        TextOptionValue.read(option, needs: "a name", maximumLength: maximumLength, refusingDirectionControls: true,
                             hint: "name the model in a few words, e.g. `#| label: wide-mlp`", diagnostics: &diagnostics)
    }
}

/// The labels seen so far in a notebook: each names one model cell, once, and none takes the name
/// ("model 2") that Folio gives another model without a label.
struct ModelLabels {
    private var firstLine: [String: Int] = [:]
    /// The model-making cells seen so far, this one included: the default name's number.
    private var modelCells = 0

    /// Counts a `build` or `load model:` cell (before its label is checked).
    mutating func countModelCell() { modelCells += 1 }

    /// Reports a label that an earlier cell already took (an error), or on a cell that makes no model
    /// (a note: Quarto labels figures with it, and the cell runs the same).
    mutating func check(_ label: String, at location: SourceLocation, directive: Directive,
                        diagnostics: inout DiagnosticCollector) {
        guard directive.makesModel else {
            diagnostics.note(line: location.line, column: location.column,
                             "'label' names a model, and this \(directive.name) cell makes none, so Folio does not use it",
                             hint: "put `#| label:` on the ```build cell (or the ```load cell with `model:`) whose model it names")
            return
        }
        if let number = Self.defaultNumber(label), number != modelCells {
            diagnostics.error(at: location, "the label '\(label)' is the name Folio gives model \(number) when it has no label",
                              hint: "choose a name of your own, e.g. `#| label: wide-mlp`")
            return
        }
        if let first = firstLine[label] {
            diagnostics.error(at: location, "the label '\(label)' is already used on line \(first)",
                              hint: "give each model its own label")
            return
        }
        firstLine[label] = location.line
    }
}

extension ModelLabels {
    /// N when `label` reads "model N", the name of the N-th model without a label.
    static func defaultNumber(_ label: String) -> Int? {
        let words = label.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count == 2, words[0] == "model", let number = Int(words[1]), number > 0,
              String(number) == words[1] else { return nil }
        return number
    }
}

extension Document {
    /// Each `build` and `load model:` cell's number among them, by cell index: the N of the name
    /// "model N" it gets without a label.
    public var modelNumbers: [Int: Int] {
        var numbers: [Int: Int] = [:]
        for cell in cells where cell.directive.makesModel { numbers[cell.index] = numbers.count + 1 }
        return numbers
    }
}

extension Directive {
    /// Whether the cell makes a new model: a `build`, or a `load` with `model:`.
    public var makesModel: Bool {
        switch self {
        case .build: return true
        case .load(let directive): return directive.model != nil
        default: return false
        }
    }
}
