/// `load`: exactly one of `dataset: mnist | fashion-mnist` or `path: DIR`.
enum LoadGrammar {
    static let keys = ["dataset", "path"]

    static func parse(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> LoadDirective? {
        let options = CellOptions(cell, keys: keys, example: "dataset: mnist", diagnostics: &diagnostics)
        switch (options["dataset"], options["path"]) {
        case (nil, nil):
            guard !options.mentions("dataset"), !options.mentions("path") else { return nil }
            diagnostics.error(at: cell.fence, "load needs a 'dataset' or a 'path' option",
                              hint: "add `dataset: mnist` (or fashion-mnist), or `path: FOLDER` for your own IDX files")
            return nil
        case (let dataset?, let path?):
            let later = dataset.line > path.line ? dataset : path
            diagnostics.error(at: options.keyLocation(later), "load takes either 'dataset' or 'path', not both",
                              hint: "keep one of the two lines")
            return nil
        case (.some, nil):
            let names = DatasetName.allCases.map(\.rawValue).joined(separator: ", ")
            let hint = "built-in datasets: \(names); for your own IDX files write `path: FOLDER` instead"
            return options.choice("dataset", of: DatasetName.self, hint: hint, diagnostics: &diagnostics)
                .map { LoadDirective(source: .dataset($0)) }
        case (nil, .some):
            return options.text("path", diagnostics: &diagnostics).map { LoadDirective(source: .path($0)) }
        }
    }
}
