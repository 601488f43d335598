import Runner

/// A report `Table` drawn with box rules for the terminal, columns padded to their widest cell.
struct TextTable {
    var table: Table

    init(_ table: Table) { self.table = table }

    func rendered(indent: String = "") -> String {
        let allRows = [table.header] + table.rows + table.footerRows
        let columns = allRows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in allRows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ row: [String]) -> String {
            let cells = (0..<columns).map { index -> String in
                let text = index < row.count ? row[index] : ""
                let padding = String(repeating: " ", count: widths[index] - text.count)
                return table.numericColumns.contains(index) ? padding + text : text + padding
            }
            return indent + cells.joined(separator: "   ")
        }
        let rule = indent + String(repeating: "─", count: widths.reduce(0, +) + 3 * max(columns - 1, 0))
        var lines = [indent + table.caption, rule, line(table.header), rule]
        lines += table.rows.map(line)
        if !table.footerRows.isEmpty {
            lines.append(rule)
            lines += table.footerRows.map(line)
        }
        lines.append(rule)
        return lines.joined(separator: "\n")
    }
}
