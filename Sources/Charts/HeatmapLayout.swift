/// Where everything of a `Heatmap` goes: title, grid of cells, row and column labels, colour bar.
struct HeatmapLayout {
    static let padding = 16.0
    static let colorBarWidth = 12.0
    private static let maxLabelWidth = 140.0
    /// A row label wider than this wraps to a second line (when the row is tall enough for two;
    /// otherwise it is truncated at `maxLabelWidth`).
    private static let maxRowLabelWidth = 110.0
    static let labelLineHeight = 1.15

    let rows: Int
    let columns: Int
    /// The side of one square cell.
    let cell: Double
    let labelFontSize = 12.0
    /// The font size of the counts (a long count shrinks to fit its cell: see `countFontSize(for:)`).
    let countFontSize: Double
    /// Whether column labels are drawn at 45° (when some does not fit its column in two lines).
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
    private let rowLabels: [WrappedText]
    private let columnLabels: [WrappedText]
    private let rowNames: [String]
    private let columnNames: [String]

    init(heatmap: Heatmap, rows: Int, columns: Int) {
        let padding = HeatmapLayout.padding
        self.rows = rows
        self.columns = columns
        cell = min(max(440 / Double(max(rows, columns)), 14), 52)
        let size = labelFontSize, lineStep = size * HeatmapLayout.labelLineHeight
        let cellSide = cell
        let rowNames = (0..<rows).map { HeatmapLayout.label(heatmap.rowLabels, $0) }
        let columnNames = (0..<columns).map { HeatmapLayout.label(heatmap.columnLabels, $0) }
        self.rowNames = rowNames
        self.columnNames = columnNames
        let rowLines = cellSide >= 2 * lineStep + 4 ? 2 : 1
        rowLabels = rowNames.map {
            WrappedText($0, width: rowLines == 2 ? HeatmapLayout.maxRowLabelWidth : HeatmapLayout.maxLabelWidth,
                        fontSize: size, maxLines: rowLines)
        }
        let upright = columnNames.map { WrappedText($0, width: cellSide - 4, fontSize: size) }
        rotateColumnLabels = upright.contains { $0.truncated }
        // Rotated labels sit cell × 0.71 apart across their slant: two lines only when that leaves room.
        let slantLines = cellSide * 0.71 >= 2 * lineStep ? 2 : 1
        columnLabels = rotateColumnLabels
            ? columnNames.map {
                WrappedText($0, width: HeatmapLayout.maxLabelWidth, fontSize: size, maxLines: slantLines)
            }
            : upright

        countFontSize = min(13, cell * 0.34)

        var top = padding
        if !heatmap.title.isEmpty {
            titleBaseline = top + 12
            top += 30
        } else {
            titleBaseline = nil
        }
        gridTop = top
        let rowLabelWidth = rowLabels.map { $0.width(fontSize: size) }.max() ?? 0
        gridLeft = padding + (heatmap.rowAxisTitle.isEmpty ? 0 : 22) + rowLabelWidth + 8

        let columnLabelWidth = columnLabels.map { $0.width(fontSize: size) }.max() ?? 0
        let extraLines = Double((columnLabels.map(\.lines.count).max() ?? 1) - 1)
        let labelDepth = rotateColumnLabels
            ? (columnLabelWidth + extraLines * lineStep) * 0.71 + 18
            : 22 + extraLines * lineStep
        let gridBottom = gridTop + Double(rows) * cell
        columnTitleBaseline = gridBottom + labelDepth + 16
        height = columnTitleBaseline + (heatmap.columnAxisTitle.isEmpty ? 0 : 4) + padding

        colorBarLeft = gridLeft + Double(columns) * cell + 18
        colorBarCaptionX = colorBarLeft + HeatmapLayout.colorBarWidth + 44
        let titleWidth = TextMetrics.width(heatmap.title, fontSize: 15) + 2 * padding
        width = max(colorBarCaptionX + 8 + padding, min(titleWidth, 800))
    }

    /// The font size that fits `count` in a cell, nil when it would be too small to read (under
    /// `Readability.minimumFontSize`; the cell's tooltip still gives the count).
    func countFontSize(for count: String) -> Double? {
        let size = min(countFontSize, (cell - 6) / max(TextMetrics.width(count, fontSize: 1), 0.01))
        return size >= Readability.minimumFontSize ? size : nil
    }

    /// The lines of row `row`'s label (wrapped, truncated only when two lines are not enough).
    func rowLabelLines(_ row: Int) -> [String] { rowLabels[row].lines }
    func columnLabelLines(_ column: Int) -> [String] { columnLabels[column].lines }
    /// Row `row`'s whole label (for tooltips).
    func rowLabel(_ row: Int) -> String { rowNames[row] }
    func columnLabel(_ column: Int) -> String { columnNames[column] }

    /// The label at `index`, or the index itself when the list is too short.
    private static func label(_ labels: [String], _ index: Int) -> String {
        index < labels.count ? labels[index] : String(index)
    }
}
