/// `preprocess`: `flatten: BOOL`, `scale: NUMBER > 0`, `one_hot: INT 2…100000`; at least one.
enum PreprocessGrammar {
    static let keys = ["flatten", "scale", "one_hot"]
    static let oneHotRange = 2...100_000

    static func parse(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> PreprocessDirective? {
        let options = CellOptions(cell, keys: keys, example: "scale: 255", diagnostics: &diagnostics)
        if options.isEmpty, cell.meaningfulLines.isEmpty {
            diagnostics.error(at: cell.fence, "preprocess has nothing to do",
                              hint: "add at least one option: `flatten: true`, `scale: 255` or `one_hot: 10`")
            return nil
        }
        let flatten = options.boolean("flatten", diagnostics: &diagnostics)
        let scale = options.number("scale", .positive, diagnostics: &diagnostics)
        let oneHot = options.integer("one_hot", in: oneHotRange, diagnostics: &diagnostics)
        return PreprocessDirective(flatten: flatten ?? false, scale: scale, oneHot: oneHot)
    }
}
