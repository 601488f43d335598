/// A vertical bar chart, e.g. the predicted probability of each class for one image.
///
/// One bar per value, labelled underneath; the value is printed above each bar when there is room
/// (always for the highlighted bar, drawn in the accent colour). With `.percent` and all values in
/// 0…1 the axis runs from 0 % to 100 %; otherwise it is a nice range that includes zero. A non-finite
/// value draws no bar and prints `n/a`.
///
/// ```swift
/// var chart = BarChart(title: "Prediction", labels: (0...9).map(String.init), values: probabilities,
///                      highlighted: 7)
/// chart.valueFormat = .percent
/// ```
public struct BarChart: Sendable {
    public var title: String
    /// `labels[i]` names `values[i]`; missing labels are blank.
    public var labels: [String]
    public var values: [Double]
    /// The index of the bar drawn in the accent colour, if any.
    public var highlighted: Int? = nil
    public var valueFormat: ValueFormat = .automatic
    public var xLabel: String = ""
    public var yLabel: String = ""
    /// The chart's size in CSS pixels (the `viewBox`; the SVG scales down to fit its container).
    public var width = 640.0
    public var height = 320.0

    public init(title: String, labels: [String], values: [Double], highlighted: Int? = nil,
                valueFormat: ValueFormat = .automatic, xLabel: String = "", yLabel: String = "",
                width: Double = 640, height: Double = 320) {
        self.title = title
        self.labels = labels
        self.values = values
        self.highlighted = highlighted
        self.valueFormat = valueFormat
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.width = width
        self.height = height
    }

    /// The chart as a self-contained SVG element.
    public func svg() -> String {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else {
            return SVGDocument.noData(title: title, kind: "Bar chart")
        }
        let layout = BarChartLayout(chart: self, dataRange: low...high)
        var svg = SVGWriter()
        if let baseline = layout.titleBaseline {
            svg.text(TextMetrics.truncated(title, toWidth: layout.width - 2 * BarChartLayout.padding, fontSize: 15),
                     x: BarChartLayout.padding, y: baseline, size: 15, fill: Palette.title, weight: "600")
        }
        drawAxes(layout, into: &svg)
        drawBars(layout, into: &svg)
        let document = SVGDocument(width: layout.width, height: layout.height,
                                   title: title.isEmpty ? "Bar chart" : title, description: description())
        return document.render(svg)
    }

    // MARK: - Drawing

    private func drawAxes(_ layout: BarChartLayout, into svg: inout SVGWriter) {
        let plot = layout.plot
        for tick in layout.yScale.ticks {
            guard let y = layout.y(tick) else { continue }
            svg.line(x1: plot.left, y1: y, x2: plot.right, y2: y, stroke: Palette.grid)
            svg.text(layout.tickLabel(tick), x: plot.left - 8, y: y, size: 11, fill: Palette.mutedText,
                     anchor: "end", middle: true)
        }
        if let zero = layout.y(0) {
            svg.line(x1: plot.left, y1: zero, x2: plot.right, y2: zero, stroke: Palette.axis)
        }
        var deepest = 1
        for index in values.indices where index % layout.labelEvery == 0 {
            let lines = layout.labelLines[index] ?? [""]
            deepest = max(deepest, lines.count)
            svg.text(lines: lines, x: layout.barCentre(index), y: plot.bottom + 18, size: BarChartLayout.labelFontSize,
                     fill: index == highlighted ? Palette.title : Palette.text, anchor: "middle",
                     weight: index == highlighted ? "600" : nil,
                     lineHeight: BarChartLayout.labelLineStep / BarChartLayout.labelFontSize)
        }
        if !xLabel.isEmpty {
            let below = Double(deepest - 1) * BarChartLayout.labelLineStep
            svg.text(TextMetrics.truncated(xLabel, toWidth: plot.width, fontSize: 12), x: (plot.left + plot.right) / 2,
                     y: plot.bottom + 40 + below, size: 12, anchor: "middle")
        }
        if !yLabel.isEmpty {
            svg.text(TextMetrics.truncated(yLabel, toWidth: plot.height, fontSize: 12), x: BarChartLayout.padding + 4,
                     y: (plot.top + plot.bottom) / 2, size: 12, anchor: "middle", rotation: -90, middle: true)
        }
    }

    private func drawBars(_ layout: BarChartLayout, into svg: inout SVGWriter) {
        svg.raw(layout.plot.clipOpen(margin: 1))
        var valueLabels = SVGWriter()
        for (index, value) in values.enumerated() {
            let isHighlighted = index == highlighted
            let centre = layout.barCentre(index)
            let label = index < labels.count ? labels[index] : ""
            let text = valueFormat.format(value)
            guard let zero = layout.y(0), let end = layout.y(value) else {
                if layout.showValues || isHighlighted {
                    valueLabels.text(text, x: centre, y: (layout.y(0) ?? layout.plot.bottom) - 6, size: 11,
                                     fill: Palette.mutedText, anchor: "middle")
                }
                continue
            }
            svg.rect(x: centre - layout.barWidth / 2, y: min(zero, end), width: layout.barWidth,
                     height: abs(end - zero), fill: isHighlighted ? Palette.accent : Palette.bar,
                     tooltip: label.isEmpty ? text : "\(label): \(text)")
            guard layout.showValues || isHighlighted else { continue }
            let above = value >= 0
            let y = min(max(above ? end - 6 : end + 15, layout.plot.top - 4), layout.plot.bottom + 14)
            valueLabels.text(text, x: centre, y: y, size: 11, fill: isHighlighted ? Palette.accent : Palette.text,
                             anchor: "middle", weight: isHighlighted ? "600" : nil)
        }
        svg.raw("</svg>")
        svg.raw(valueLabels.markup)
    }

    // MARK: - Text alternative

    private func description() -> String {
        let pairs = values.prefix(50).enumerated().map { index, value in
            (index < labels.count && !labels[index].isEmpty ? labels[index] + ": " : "") + valueFormat.format(value)
        }
        var text = "Bar chart of \(values.count) value\(values.count == 1 ? "" : "s"): "
            + pairs.joined(separator: "; ") + (values.count > 50 ? "; …" : "") + "."
        if let index = highlighted, values.indices.contains(index) {
            let label = index < labels.count ? labels[index] : String(index)
            text += " Highlighted: \(label) (\(valueFormat.format(values[index])))."
        }
        return text
    }
}
