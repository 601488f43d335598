/// `evaluate`: no options; any line other than blanks and comments is an error.
enum EvaluateGrammar {
    static func parse(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> EvaluateDirective? {
        let stray = cell.meaningfulLines
        for line in stray {
            let column = LineScanner.skipSpaces(line.bytes, from: 0) + 1
            diagnostics.error(line: line.number, column: column, "evaluate takes no options",
                              hint: "leave the cell empty (comments starting with # are fine)")
        }
        return stray.isEmpty ? EvaluateDirective() : nil
    }
}
