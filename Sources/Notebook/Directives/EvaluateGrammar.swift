/// `evaluate`: no options, or `loss: NAME` — the loss to score with when no `fit` chose one (or
/// another than the fit's).
enum EvaluateGrammar {
    static let keys = ["loss"]

    static func parse(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> EvaluateDirective? {
        let options = CellOptions(cell, keys: keys, example: "loss: categorical_crossentropy", diagnostics: &diagnostics)
        let loss = FitGrammar.loss(options, diagnostics: &diagnostics)
        if options.mentions("loss"), loss == nil { return nil }
        return EvaluateDirective(loss: loss?.value)
    }
}
