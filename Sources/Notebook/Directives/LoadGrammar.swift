/// `load`: the data (`dataset: mnist | fashion-mnist` or `path: DIR`, not both), a saved model
/// (`model: FILE`), or both.
enum LoadGrammar {
    static let keys = ["dataset", "path", "model"]

    static func parse(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> LoadDirective? {
        let options = CellOptions(cell, keys: keys, example: "dataset: mnist", diagnostics: &diagnostics)
        guard keys.contains(where: options.mentions) else {
            diagnostics.error(at: cell.fence, "load needs a 'dataset', 'path' or 'model' option",
                              hint: "add `dataset: mnist` (or fashion-mnist), `path: FOLDER` for your own IDX files, "
                                  + "or `model: FILE.safetensors` for a model written by `save`")
            return nil
        }
        let model = options.text("model", diagnostics: &diagnostics)
        let dataReadable: Bool
        let data: LoadDirective.DataSource?
        switch (options["dataset"], options["path"]) {
        case (nil, nil):
            dataReadable = !options.mentions("dataset") && !options.mentions("path")
            data = nil
        case (let dataset?, let path?):
            let later = dataset.line > path.line ? dataset : path
            diagnostics.error(at: options.keyLocation(later), "load takes either 'dataset' or 'path', not both",
                              hint: "keep one of the two lines")
            return nil
        case (.some, nil):
            let names = DatasetName.allCases.map(\.rawValue).joined(separator: ", ")
            let hint = "built-in datasets: \(names); for your own IDX files write `path: FOLDER` instead"
            data = options.choice("dataset", of: DatasetName.self, hint: hint, diagnostics: &diagnostics).map { .dataset($0) }
            dataReadable = data != nil
        case (nil, .some):
            data = options.text("path", diagnostics: &diagnostics).map { .path($0) }
            dataReadable = data != nil
        }
        guard dataReadable, model != nil || !options.mentions("model") else { return nil }
        return LoadDirective(data: data, model: model)
    }
}
