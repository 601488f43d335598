/// `predict`: `image: FILE-or-URL` (required), `invert: true|false|auto`, `center: BOOL`.
enum PredictGrammar {
    static let keys = ["image", "invert", "center"]

    static func parse(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> PredictDirective? {
        let options = CellOptions(cell, keys: keys, example: "image: images/seven.png", diagnostics: &diagnostics)
        options.require("image", example: "image: images/seven.png", diagnostics: &diagnostics)
        let image = options.text("image", diagnostics: &diagnostics)
        let invert = invertChoice(options, diagnostics: &diagnostics)
        let center = options.boolean("center", diagnostics: &diagnostics)
        return image.map { PredictDirective(image: $0, invert: invert ?? .auto, center: center ?? true) }
    }

    /// `auto`, or a boolean spelled any way `ValueSyntax.boolean` accepts.
    private static func invertChoice(_ options: CellOptions, diagnostics: inout DiagnosticCollector) -> PredictDirective.Invert? {
        guard let option = options.written("invert", diagnostics: &diagnostics) else { return nil }
        let text = option.value.text
        if text.lowercased() == "auto" { return .auto }
        if let flag = ValueSyntax.boolean(text) { return flag ? .true : .false }
        diagnostics.error(at: options.valueLocation(option), "'invert' must be true, false or auto, got '\(text)'",
                          hint: "auto inverts when the image's border is light (dark ink on white paper)")
        return nil
    }
}
