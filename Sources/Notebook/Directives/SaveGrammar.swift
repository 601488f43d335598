/// `save`: `path: FILE` (required), where the model is written as safetensors.
enum SaveGrammar {
    static let keys = ["path"]

    static func parse(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> SaveDirective? {
        let options = CellOptions(cell, keys: keys, example: "path: model.safetensors", diagnostics: &diagnostics)
        options.require("path", example: "path: model.safetensors", diagnostics: &diagnostics)
        return options.text("path", diagnostics: &diagnostics).map { SaveDirective(path: $0) }
    }
}
