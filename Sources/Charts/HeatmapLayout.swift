/// Where everything of a `Heatmap` goes: title, grid of cells, row and column labels, colour bar.
struct HeatmapLayout {
    static let padding = 16.0
    static let colorBarWidth = 12.0
    private static let maxLabelWidth = 140.0

    let rows: Int
    let columns: Int
    /// The side of one square cell.
    let cell: Double
    let labelFontSize = 12.0
    /// The font size of the counts (a long count shrinks to fit its cell: see `countFontSize(for:)`).
    let countFontSize: Double
    let rotateColumnLabels: Bool
    let titleBaseline: Double?
    let gridLeft: Double
    let gridTop: Double
    var gridRight: Double { gridLeft + Double(columns) * cell }
    var gridBottom: Double { gridTop + Double(rows) * cell }
    let columnTitleBaseline: Double
    let colorBarLeft: Double
    let colorBarCaptionX: Double
    let width: Double
    let height: Double
    private let rowLabels: [String]
    private let columnLabels: [String]

    init(heatmap: Heatmap, rows: Int, columns: Int) {
        let padding = HeatmapLayout.padding
        self.rows = rows
        self.columns = columns
        cell = min(max(440 / Double(max(rows, columns)), 14), 52)
        rowLabels = (0..<rows).map { HeatmapLayout.label(heatmap.rowLabels, $0, fontSize: 12) }
        columnLabels = (0..<columns).map { HeatmapLayout.label(heatmap.columnLabels, $0, fontSize: 12) }

        countFontSize = min(13, cell * 0.34)

        var top = padding
        if !heatmap.title.isEmpty {
            titleBaseline = top + 12
            top += 30
        } else {
            titleBaseline = nil
        }
        gridTop = top
        let rowLabelWidth = rowLabels.map { TextMetrics.width($0, fontSize: 12) }.max() ?? 0
        gridLeft = padding + (heatmap.rowAxisTitle.isEmpty ? 0 : 22) + rowLabelWidth + 8

        let columnLabelWidth = columnLabels.map { TextMetrics.width($0, fontSize: 12) }.max() ?? 0
        rotateColumnLabels = columnLabelWidth > cell - 4
        let labelDepth = rotateColumnLabels ? columnLabelWidth * 0.71 + 18 : 22
        let gridBottom = gridTop + Double(rows) * cell
        columnTitleBaseline = gridBottom + labelDepth + 16
        height = columnTitleBaseline + (heatmap.columnAxisTitle.isEmpty ? 0 : 4) + padding

        colorBarLeft = gridLeft + Double(columns) * cell + 18
        colorBarCaptionX = colorBarLeft + HeatmapLayout.colorBarWidth + 44
        let titleWidth = TextMetrics.width(heatmap.title, fontSize: 15) + 2 * padding
        width = max(colorBarCaptionX + 8 + padding, min(titleWidth, 800))
    }

    /// The font size that fits `count` in a cell, nil when it would be too small to read.
    func countFontSize(for count: String) -> Double? {
        let size = min(countFontSize, (cell - 6) / max(TextMetrics.width(count, fontSize: 1), 0.01))
        return size >= 6 ? size : nil
    }

    func rowLabel(_ row: Int) -> String { rowLabels[row] }
    func columnLabel(_ column: Int) -> String { columnLabels[column] }

    /// The label at `index`, or the index itself when the list is too short; truncated when long.
    private static func label(_ labels: [String], _ index: Int, fontSize: Double) -> String {
        let text = index < labels.count ? labels[index] : String(index)
        return TextMetrics.truncated(text, toWidth: maxLabelWidth, fontSize: fontSize)
    }
}
