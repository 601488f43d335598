/// A confusion matrix: rows are the true class, columns the predicted class.
///
/// Each cell's colour is its share of the row, so every class reads the same however many examples
/// it has. The blue scale runs on the square root of the share, so that a 3 % confusion is visibly
/// tinted rather than lost next to a 97 % diagonal; the colour bar is labelled accordingly. The count is printed in the cell in
/// black or white, whichever contrasts more, and bold on the diagonal. Ragged rows are padded with
/// zeros; a missing label shows the class index.
///
/// ```swift
/// let chart = Heatmap(title: "Confusion matrix", rowLabels: ["0", "1"], columnLabels: ["0", "1"],
///                     values: [[97, 3], [1, 99]])
/// ```
public struct Heatmap: Sendable {
    public var title: String
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// `values[row][column]`: how many examples of true class `row` were predicted as `column`.
    public var values: [[Int]]
    public var rowAxisTitle = "True label"
    public var columnAxisTitle = "Predicted label"

    public init(title: String, rowLabels: [String], columnLabels: [String], values: [[Int]],
                rowAxisTitle: String = "True label", columnAxisTitle: String = "Predicted label") {
        self.title = title
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.rowAxisTitle = rowAxisTitle
        self.columnAxisTitle = columnAxisTitle
    }

    /// The chart as a self-contained SVG element.
    public func svg() -> String {
        let columnCount = values.map(\.count).max() ?? 0
        guard !values.isEmpty, columnCount > 0 else { return SVGDocument.noData(title: title, kind: "Confusion matrix") }
        let layout = HeatmapLayout(heatmap: self, rows: values.count, columns: columnCount)
        var svg = SVGWriter()
        if let baseline = layout.titleBaseline {
            let fitted = TextMetrics.truncated(title, toWidth: layout.width - 2 * HeatmapLayout.padding, fontSize: 15)
            svg.text(fitted, x: HeatmapLayout.padding, y: baseline, size: 15, fill: Palette.title, weight: "600")
        }
        drawCells(layout, into: &svg)
        drawLabels(layout, into: &svg)
        drawColorBar(layout, into: &svg)
        let document = SVGDocument(width: layout.width, height: layout.height,
                                   title: title.isEmpty ? "Confusion matrix" : title, description: description())
        return document.render(svg)
    }

    // MARK: - Drawing

    private func count(_ row: Int, _ column: Int) -> Int {
        column < values[row].count ? values[row][column] : 0
    }

    private func rowTotal(_ row: Int) -> Double {
        values[row].reduce(0) { $0 + Double(max($1, 0)) }
    }

    private func drawCells(_ layout: HeatmapLayout, into svg: inout SVGWriter) {
        let cell = layout.cell
        for row in 0..<layout.rows {
            let total = rowTotal(row)
            for column in 0..<layout.columns {
                let value = count(row, column)
                let share = total > 0 ? Double(max(value, 0)) / total : 0
                let color = Palette.sequential(Heatmap.colorPosition(share))
                let x = layout.gridLeft + Double(column) * cell, y = layout.gridTop + Double(row) * cell
                let tip = "\(rowAxisTitle) \(layout.rowLabel(row)), \(columnAxisTitle.lowercased()) "
                    + "\(layout.columnLabel(column)): \(value) (\(NumberFormat.percent(share)) of row)"
                svg.rect(x: x, y: y, width: cell, height: cell, fill: color.hex,
                         extra: "stroke=\"\(Palette.background)\" stroke-width=\"1\"", tooltip: tip)
                guard let size = layout.countFontSize(for: String(value)) else { continue }
                let textColor = value == 0 ? Palette.faintOnData : color.contrastingText
                svg.text(String(value), x: x + cell / 2, y: y + cell / 2, size: size, fill: textColor,
                         anchor: "middle", weight: row == column ? "600" : nil, middle: true)
            }
        }
    }

    private func drawLabels(_ layout: HeatmapLayout, into svg: inout SVGWriter) {
        let cell = layout.cell, size = layout.labelFontSize
        let lineHeight = HeatmapLayout.labelLineHeight
        for row in 0..<layout.rows {
            svg.text(lines: layout.rowLabelLines(row), x: layout.gridLeft - 8,
                     y: layout.gridTop + (Double(row) + 0.5) * cell, size: size, anchor: "end", middle: true,
                     lineHeight: lineHeight)
        }
        for column in 0..<layout.columns {
            let x = layout.gridLeft + (Double(column) + 0.5) * cell
            if layout.rotateColumnLabels {
                svg.text(lines: layout.columnLabelLines(column), x: x, y: layout.gridBottom + 10, size: size,
                         anchor: "end", rotation: -45, middle: true, lineHeight: lineHeight)
            } else {
                svg.text(lines: layout.columnLabelLines(column), x: x, y: layout.gridBottom + 16, size: size,
                         anchor: "middle", lineHeight: lineHeight)
            }
        }
        if !columnAxisTitle.isEmpty {
            svg.text(columnAxisTitle, x: (layout.gridLeft + layout.gridRight) / 2, y: layout.columnTitleBaseline,
                     size: 12, anchor: "middle", weight: "600")
        }
        if !rowAxisTitle.isEmpty {
            svg.text(rowAxisTitle, x: HeatmapLayout.padding + 6, y: (layout.gridTop + layout.gridBottom) / 2,
                     size: 12, anchor: "middle", weight: "600", rotation: -90, middle: true)
        }
    }

    /// Where a row share sits on the colour scale (square-root, so small confusions stay visible).
    static func colorPosition(_ share: Double) -> Double { share > 0 ? share.squareRoot() : 0 }

    private func drawColorBar(_ layout: HeatmapLayout, into svg: inout SVGWriter) {
        let steps = 32
        let x = layout.colorBarLeft, top = layout.gridTop, height = layout.gridBottom - layout.gridTop
        let stepHeight = height / Double(steps)
        for step in 0..<steps {
            let position = (Double(step) + 0.5) / Double(steps)
            svg.rect(x: x, y: top + height - Double(step + 1) * stepHeight, width: HeatmapLayout.colorBarWidth,
                     height: stepHeight + 0.5, fill: Palette.sequential(position).hex)
        }
        svg.rect(x: x, y: top, width: HeatmapLayout.colorBarWidth, height: height, fill: "none",
                 extra: "stroke=\"\(Palette.imageFrame)\"")
        for share in [0.0, 0.05, 0.25, 0.5, 1.0] {
            let y = top + height * (1 - Heatmap.colorPosition(share))
            let right = x + HeatmapLayout.colorBarWidth
            svg.line(x1: right, y1: y, x2: right + 4, y2: y, stroke: Palette.axis)
            svg.text(NumberFormat.percent(share, decimals: 0), x: right + 7, y: y, size: 10,
                     fill: Palette.mutedText, middle: true)
        }
        svg.text("share of row", x: layout.colorBarCaptionX, y: top + height / 2, size: 11,
                 fill: Palette.mutedText, anchor: "middle", rotation: 90, middle: true)
    }

    // MARK: - Text alternative

    private func description() -> String {
        let columnCount = values.map(\.count).max() ?? 0
        var text = "Confusion matrix with \(values.count) rows (\(rowAxisTitle.lowercased())) "
            + "and \(columnCount) columns (\(columnAxisTitle.lowercased()))."
        let total = values.indices.reduce(0.0) { $0 + rowTotal($1) }
        if values.count == columnCount, total > 0 {
            let diagonal = values.indices.reduce(0.0) { $0 + Double(max(count($1, $1), 0)) }
            text += " \(NumberFormat.grouped(Int(diagonal))) of \(NumberFormat.grouped(Int(total))) "
                + "on the diagonal (\(NumberFormat.percent(diagonal / total)))."
        }
        return text
    }
}
