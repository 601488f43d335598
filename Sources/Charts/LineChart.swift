/// A multi-series line chart, e.g. loss and accuracy per epoch.
///
/// `values[i]` of each series is plotted at `x = xStart + i`; x ticks are whole numbers, thinned out
/// when there are many. The y axis spans `yRange` when given (e.g. `0...1` for accuracy), otherwise a
/// nice range around the data. Gaps (NaN, ±∞) break a line; a chart with no finite value at all says
/// "No data". The legend sits above the plot, so it never covers a line.
///
/// ```swift
/// let chart = LineChart(title: "Loss", xLabel: "Epoch", yLabel: "Loss", series: [
///     Series(name: "loss", values: [0.9, 0.4, 0.3]),
///     Series(name: "val_loss", values: [0.8, 0.5, 0.45], dashed: true, colorIndex: 0),
/// ])
/// let markup = chart.svg()
/// ```
public struct LineChart: Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    /// The x of each series' first value (epochs start at 1).
    public var xStart: Double = 1
    /// The y axis' fixed span; nil = a nice range from the data.
    public var yRange: ClosedRange<Double>? = nil
    /// The chart's size in CSS pixels (the `viewBox`; the SVG scales down to fit its container).
    public var width = 640.0
    public var height = 360.0

    public init(title: String, xLabel: String, yLabel: String, series: [Series], xStart: Double = 1,
                yRange: ClosedRange<Double>? = nil, width: Double = 640, height: Double = 360) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.xStart = xStart
        self.yRange = yRange
        self.width = width
        self.height = height
    }

    /// The chart as a self-contained SVG element.
    public func svg() -> String {
        let runs = series.map(\.finiteRuns)
        let finite = runs.flatMap { $0.flatMap { $0.map(\.value) } }
        guard let low = finite.min(), let high = finite.max() else {
            return SVGDocument.noData(title: title, kind: "Line chart")
        }
        let layout = LineChartLayout(chart: self, dataRange: low...high)
        var svg = SVGWriter()
        drawHeader(layout, into: &svg)
        drawAxes(layout, into: &svg)
        svg.raw(layout.clipOpen)
        for index in series.indices {
            drawLine(runs[index], style: layout.legendItems[index], layout: layout, into: &svg)
        }
        svg.raw("</svg>")
        let document = SVGDocument(width: layout.width, height: layout.height,
                                   title: title.isEmpty ? "Line chart" : title,
                                   description: description(layout))
        return document.render(svg)
    }

    // MARK: - Drawing

    private func drawHeader(_ layout: LineChartLayout, into svg: inout SVGWriter) {
        if let baseline = layout.titleBaseline {
            svg.text(TextMetrics.truncated(title, toWidth: layout.width - 2 * LineChartLayout.padding, fontSize: 15),
                     x: LineChartLayout.padding, y: baseline, size: 15, fill: Palette.title, weight: "600")
        }
        layout.legend.draw(into: &svg)
    }

    private func drawAxes(_ layout: LineChartLayout, into svg: inout SVGWriter) {
        let plot = layout.plot
        for tick in layout.yScale.ticks {
            guard let y = layout.y(tick) else { continue }
            let isZero = tick == 0 && layout.yScale.lower < 0
            svg.line(x1: plot.left, y1: y, x2: plot.right, y2: y, stroke: isZero ? Palette.axis : Palette.grid)
            svg.text(layout.yScale.label(tick), x: plot.left - 8, y: y, size: 11, fill: Palette.mutedText,
                     anchor: "end", middle: true)
        }
        svg.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: Palette.axis)
        for tick in layout.xTicks {
            guard let x = layout.x(tick) else { continue }
            svg.line(x1: x, y1: plot.bottom, x2: x, y2: plot.bottom + 5, stroke: Palette.axis)
            svg.text(NumberFormat.fixed(tick, decimals: 0), x: x, y: plot.bottom + 18, size: 11,
                     fill: Palette.mutedText, anchor: "middle")
        }
        if !xLabel.isEmpty {
            svg.text(TextMetrics.truncated(xLabel, toWidth: plot.right - plot.left, fontSize: 12),
                     x: (plot.left + plot.right) / 2, y: plot.bottom + 38, size: 12, anchor: "middle")
        }
        if !yLabel.isEmpty {
            svg.text(TextMetrics.truncated(yLabel, toWidth: plot.bottom - plot.top, fontSize: 12),
                     x: LineChartLayout.padding + 4, y: (plot.top + plot.bottom) / 2, size: 12,
                     anchor: "middle", rotation: -90, middle: true)
        }
    }

    private func drawLine(_ runs: [[(index: Int, value: Double)]], style: Legend.Item, layout: LineChartLayout,
                          into svg: inout SVGWriter) {
        let dash = style.dashed ? " stroke-dasharray=\"6 4\"" : ""
        for run in runs {
            let points = run.compactMap { point -> (x: Double, y: Double, index: Int, value: Double)? in
                guard let x = layout.x(xStart + Double(point.index)), let y = layout.y(point.value) else { return nil }
                return (x, y, point.index, point.value)
            }
            let coordinates = points.map { "\(SVGWriter.number($0.x)),\(SVGWriter.number($0.y))" }
            svg.raw("<polyline points=\"\(coordinates.joined(separator: " "))\" fill=\"none\" "
                    + "stroke=\"\(style.color)\" stroke-width=\"2\" stroke-linejoin=\"round\" "
                    + "stroke-linecap=\"round\"\(dash)/>")
            guard style.marker || points.count == 1 else { continue }
            for point in points {
                let tip = "\(style.name) at \(xLabel.isEmpty ? "x" : xLabel) "
                    + "\(NumberFormat.compact(xStart + Double(point.index), significantDigits: 6)): "
                    + NumberFormat.compact(point.value, significantDigits: 4)
                svg.raw("<circle cx=\"\(SVGWriter.number(point.x))\" cy=\"\(SVGWriter.number(point.y))\" r=\"3\" "
                        + "fill=\"\(style.color)\"><title>\(XMLEscape.escape(tip))</title></circle>")
            }
        }
    }

    // MARK: - Text alternative

    private func description(_ layout: LineChartLayout) -> String {
        let axes = [yLabel, xLabel].filter { !$0.isEmpty }.joined(separator: " against ")
        var parts = ["Line chart" + (axes.isEmpty ? "" : " of " + axes)
                     + ", x from \(NumberFormat.compact(layout.xDomain.lowerBound, significantDigits: 6))"
                     + " to \(NumberFormat.compact(layout.xDomain.upperBound, significantDigits: 6))."]
        for item in series.prefix(12) {
            let finite = item.values.filter(\.isFinite)
            guard let first = finite.first, let last = finite.last, let low = finite.min(), let high = finite.max()
            else {
                parts.append("\(item.name): no finite values.")
                continue
            }
            parts.append("\(item.name): \(finite.count) values, first \(NumberFormat.compact(first, significantDigits: 4)), "
                         + "last \(NumberFormat.compact(last, significantDigits: 4)), "
                         + "min \(NumberFormat.compact(low, significantDigits: 4)), "
                         + "max \(NumberFormat.compact(high, significantDigits: 4)).")
        }
        if series.count > 12 { parts.append("\(series.count - 12) more series.") }
        return parts.joined(separator: " ")
    }
}
