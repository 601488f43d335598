/// Where everything of a `LineChart` goes: title, legend, plot area, scales and ticks.
struct LineChartLayout {
    static let padding = 16.0
    static let minimumSize = (width: 240.0, height: 160.0)

    var width: Double
    var height: Double
    var titleBaseline: Double?
    /// One legend item per series, in series order (also the series' drawing style).
    var legendItems: [Legend.Item]
    var legend: Legend
    var plot: PlotArea
    var yScale: NiceScale
    var xDomain: ClosedRange<Double>
    var xTicks: [Double]

    init(chart: LineChart, dataRange: ClosedRange<Double>) {
        let padding = LineChartLayout.padding
        width = chart.width.isFinite ? max(chart.width, LineChartLayout.minimumSize.width) : 640
        let requestedHeight = chart.height.isFinite ? max(chart.height, LineChartLayout.minimumSize.height) : 360

        var top = padding
        if !chart.title.isEmpty {
            titleBaseline = top + 12
            top += 22
        }
        let longest = chart.series.map(\.values.count).max() ?? 0
        let markers = longest <= 30
        legendItems = chart.series.enumerated().map { index, series in
            Legend.Item(name: series.name, color: Palette.seriesColor(series.colorIndex ?? index),
                        dashed: series.dashed, marker: markers)
        }
        let named = chart.series.contains { !$0.name.isEmpty }
        legend = Legend(items: named ? legendItems : [], left: padding, right: width - padding, top: top + 2)
        top = legend.bottom + 12

        let bottomMargin = padding + 22 + (chart.xLabel.isEmpty ? 0 : 20)
        height = max(requestedHeight, top + 80 + bottomMargin)
        let plotTop = top, plotBottom = height - bottomMargin

        let ticksWanted = max(2, Int((plotBottom - plotTop) / 56))
        if let range = chart.yRange, range.lowerBound.isFinite, range.upperBound.isFinite,
           range.lowerBound < range.upperBound {
            yScale = NiceScale.fixed(range.lowerBound, range.upperBound, targetTickCount: ticksWanted)
        } else {
            yScale = NiceScale.covering(dataRange.lowerBound, dataRange.upperBound, targetTickCount: ticksWanted)
        }
        let scale = yScale
        let yLabelWidth = scale.ticks.map { TextMetrics.width(scale.label($0), fontSize: 11) }.max() ?? 0
        let plotLeft = padding + (chart.yLabel.isEmpty ? 0 : 20) + yLabelWidth + 10

        let start = chart.xStart.isFinite ? chart.xStart : 1
        let end = start + Double(max(longest - 1, 0))
        xDomain = end > start ? start...end : (start - 0.5)...(start + 0.5)
        let widestX = max(TextMetrics.width(NumberFormat.fixed(xDomain.upperBound, decimals: 0), fontSize: 11),
                          TextMetrics.width(NumberFormat.fixed(xDomain.lowerBound, decimals: 0), fontSize: 11))
        let plotRight = width - max(padding, widestX / 2 + 4)
        let xTicksWanted = max(2, Int((plotRight - plotLeft) / (widestX + 28)))
        xTicks = IntegerTicks.within(xDomain.lowerBound, xDomain.upperBound, maxCount: min(xTicksWanted, 12))
        plot = PlotArea(left: plotLeft, right: plotRight, top: plotTop, bottom: plotBottom)
    }

    /// The horizontal position of data x, nil if not computable.
    func x(_ value: Double) -> Double? {
        let t = (value - xDomain.lowerBound) / (xDomain.upperBound - xDomain.lowerBound)
        return t.isFinite ? plot.left + t * plot.width : nil
    }

    /// The vertical position of data y, nil if not computable.
    func y(_ value: Double) -> Double? {
        guard let t = yScale.fraction(of: value) else { return nil }
        return plot.bottom - t * plot.height
    }

    /// Opens the clipping viewport of the plot area (close with `</svg>`).
    var clipOpen: String { plot.clipOpen() }
}
