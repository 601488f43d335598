/// Turns a cell's body into its typed `Directive`, dispatching on the directive's name.
enum DirectiveGrammar {
    /// nil when the body has errors (they are in `diagnostics`) or the name is not a directive.
    static func parse(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> Directive? {
        switch cell.name {
        case "load": return LoadGrammar.parse(cell, diagnostics: &diagnostics).map(Directive.load)
        case "preprocess": return PreprocessGrammar.parse(cell, diagnostics: &diagnostics).map(Directive.preprocess)
        case "build": return BuildGrammar.parse(cell, diagnostics: &diagnostics).map(Directive.build)
        case "fit": return FitGrammar.parse(cell, diagnostics: &diagnostics).map(Directive.fit)
        case "evaluate": return EvaluateGrammar.parse(cell, diagnostics: &diagnostics).map(Directive.evaluate)
        case "plot": return PlotGrammar.parse(cell, diagnostics: &diagnostics).map(Directive.plot)
        case "predict": return PredictGrammar.parse(cell, diagnostics: &diagnostics).map(Directive.predict)
        case "summary": return NoOptionsGrammar.check(cell, diagnostics: &diagnostics) ? .summary(SummaryDirective()) : nil
        case "save": return SaveGrammar.parse(cell, diagnostics: &diagnostics).map(Directive.save)
        default: return nil
        }
    }
}
