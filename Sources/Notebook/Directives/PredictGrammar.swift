/// `predict`: `image: FILE, FOLDER, GLOB or URL` (required), `labels: CSV`,
/// `invert: true|false|auto`, `center: auto|true|false`.
enum PredictGrammar {
    static let keys = ["image", "labels", "invert", "center"]

    static func parse(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> PredictDirective? {
        let options = CellOptions(cell, keys: keys, example: "image: images/seven.png", diagnostics: &diagnostics)
        options.require("image", example: "image: images/seven.png", diagnostics: &diagnostics)
        let image = options.text("image", diagnostics: &diagnostics)
        let labels = options.text("labels", diagnostics: &diagnostics)
        let invert = choice("invert", options, diagnostics: &diagnostics,
                            hint: "auto inverts when the picture's marks are darker than its ground (dark ink on white paper)")
            .map { PredictDirective.Invert(rawValue: $0.rawValue) ?? .auto }
        let center = choice("center", options, diagnostics: &diagnostics,
                            hint: "auto prepares the picture like the model's training data; true centres it like an MNIST digit; false only resizes it")
        return image.map {
            PredictDirective(image: $0, invert: invert ?? .auto, center: center ?? .auto, labels: labels)
        }
    }

    /// `auto`, or a boolean spelled any way `ValueSyntax.boolean` accepts.
    private static func choice(_ key: String, _ options: CellOptions, diagnostics: inout DiagnosticCollector,
                               hint: String) -> PredictDirective.Center? {
        guard let option = options.written(key, diagnostics: &diagnostics) else { return nil }
        let text = option.value.text
        if text.lowercased() == "auto" { return .auto }
        if let flag = ValueSyntax.boolean(text) { return flag ? .true : .false }
        diagnostics.error(at: options.valueLocation(option), "'\(key)' must be true, false or auto, got '\(text)'", hint: hint)
        return nil
    }
}
