/// `plot`: chart names separated by commas and/or newlines; an empty cell means `loss, accuracy`.
enum PlotGrammar {
    static let defaultCharts: [PlotDirective.Chart] = [.loss, .accuracy]

    static func parse(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> PlotDirective? {
        let names = PlotDirective.Chart.allCases.map(\.rawValue)
        var charts: [Located<PlotDirective.Chart>] = []
        var valid = true
        for line in cell.meaningfulLines {
            let end = LineScanner.contentEnd(line.bytes, from: 0)
            for item in LineScanner.commaSeparated(line.bytes, from: 0, to: end) {
                let location = SourceLocation(file: cell.fence.file, line: line.number, column: item.column)
                guard let chart = PlotDirective.Chart(rawValue: item.text) else {
                    diagnostics.error(at: location, "unknown chart '\(item.text)'" + Suggestion.didYouMean(item.text, among: names),
                                      hint: "charts: \(names.joined(separator: ", "))")
                    valid = false
                    continue
                }
                if let first = charts.first(where: { $0.value == chart }) {
                    diagnostics.error(at: location, "'\(item.text)' is listed twice (first on line \(first.location.line))",
                                      hint: "name each chart once")
                    valid = false
                    continue
                }
                charts.append(Located(chart, at: location))
            }
        }
        guard valid else { return nil }
        if charts.isEmpty { charts = defaultCharts.map { Located($0, at: cell.fence) } }
        return PlotDirective(charts: charts)
    }
}
