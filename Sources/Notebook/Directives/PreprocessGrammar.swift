/// `preprocess`: `flatten: BOOL`, `reshape: HxWxC`, `scale: NUMBER > 0`, `one_hot: INT 2…100000`;
/// at least one, and not `flatten: true` with `reshape`.
enum PreprocessGrammar {
    static let keys = ["flatten", "reshape", "scale", "one_hot"]
    static let oneHotRange = 2...100_000

    static func parse(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> PreprocessDirective? {
        let options = CellOptions(cell, keys: keys, example: "scale: 255", diagnostics: &diagnostics)
        if options.isEmpty, cell.meaningfulLines.isEmpty {
            diagnostics.error(at: cell.fence, "preprocess has nothing to do",
                              hint: "add at least one option: `flatten: true`, `reshape: 28x28x1`, `scale: 255` or `one_hot: 10`")
            return nil
        }
        let flatten = options.boolean("flatten", diagnostics: &diagnostics)
        let reshape = options.shape("reshape", ShapeRule.reshape, diagnostics: &diagnostics)
        let scale = options.number("scale", .positive, diagnostics: &diagnostics)
        let oneHot = options.integer("one_hot", in: oneHotRange, diagnostics: &diagnostics)
        if flatten == true, reshape != nil, let flattenLine = options["flatten"], let reshapeLine = options["reshape"] {
            let later = flattenLine.line > reshapeLine.line ? flattenLine : reshapeLine
            diagnostics.error(at: options.keyLocation(later), "preprocess takes either 'flatten: true' or 'reshape', not both",
                              hint: "`reshape: 784` flattens too; keep `reshape: 28x28x1` for conv2d models, `flatten: true` for dense ones")
            return nil
        }
        return PreprocessDirective(flatten: flatten ?? false, scale: scale, oneHot: oneHot, reshape: reshape)
    }
}
