/// Directives that take no options (`summary`): any line other than blanks and comments is an error.
enum NoOptionsGrammar {
    /// Reports every stray line; returns whether there were none.
    static func check(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> Bool {
        let stray = cell.meaningfulLines
        for line in stray {
            let column = LineScanner.skipSpaces(line.bytes, from: 0) + 1
            diagnostics.error(line: line.number, column: column, "\(cell.name) takes no options",
                              hint: "leave the cell empty (comments starting with # are fine)")
        }
        return stray.isEmpty
    }
}
