/// Where everything of a `BarChart` goes: title, plot area, y scale, bar slots, which labels fit.
struct BarChartLayout {
    static let padding = 16.0

    let width: Double
    let height: Double
    let titleBaseline: Double?
    let plot: PlotArea
    let yScale: NiceScale
    let percentAxis: Bool
    /// The width of one bar (its slot is wider, leaving a gap).
    let barWidth: Double
    /// How much room a category label has.
    let labelWidth: Double
    /// The lines of each printed category label (wrapped to two lines before being truncated).
    let labelLines: [Int: [String]]
    static let labelFontSize = 12.0
    /// The distance between two lines of a category label.
    static let labelLineStep = 14.0
    /// Every how many bars a category label is printed (1 = all).
    let labelEvery: Int
    /// Whether every value fits above its bar (otherwise only the highlighted one is printed).
    let showValues: Bool
    private let slot: Double

    init(chart: BarChart, dataRange: ClosedRange<Double>) {
        let padding = BarChartLayout.padding
        width = chart.width.isFinite ? max(chart.width, 200) : 640
        height = chart.height.isFinite ? max(chart.height, 160) : 320
        titleBaseline = chart.title.isEmpty ? nil : padding + 12
        let top = padding + (chart.title.isEmpty ? 0 : 22) + 18   // room for value labels above the top
        let roomyBottom = height - padding - 22 - (chart.xLabel.isEmpty ? 0 : 20)

        percentAxis = chart.valueFormat == .percent && dataRange.lowerBound >= 0 && dataRange.upperBound <= 1
        let ticksWanted = max(2, Int((roomyBottom - top) / 50))
        yScale = percentAxis
            ? NiceScale.fixed(0, 1, targetTickCount: ticksWanted)
            : NiceScale.covering(min(dataRange.lowerBound, 0), max(dataRange.upperBound, 0), targetTickCount: ticksWanted)
        let scale = yScale, percent = percentAxis
        let tickWidth = scale.ticks.map {
            TextMetrics.width(BarChartLayout.tickLabel($0, scale: scale, percent: percent), fontSize: 11)
        }.max() ?? 0
        let left = padding + (chart.yLabel.isEmpty ? 0 : 20) + tickWidth + 10
        let count = max(chart.values.count, 1)
        let slot = (width - padding - left) / Double(count)
        self.slot = slot
        barWidth = min(slot * 0.72, 72)
        let every = slot >= 18 ? 1 : Int((24 / slot).rounded(.up))
        labelEvery = every
        labelWidth = slot * Double(labelEvery) - 4
        var lines: [Int: [String]] = [:]
        for index in chart.values.indices where index % every == 0 {
            let label = index < chart.labels.count ? chart.labels[index] : ""
            lines[index] = WrappedText(label, width: labelWidth, fontSize: BarChartLayout.labelFontSize).lines
        }
        labelLines = lines
        let extraLines = Double((lines.values.map(\.count).max() ?? 1) - 1)
        plot = PlotArea(left: left, right: width - padding, top: top,
                        bottom: roomyBottom - extraLines * BarChartLayout.labelLineStep)
        let widestValue = chart.values.map { TextMetrics.width(chart.valueFormat.format($0), fontSize: 11) }.max() ?? 0
        showValues = widestValue <= slot - 2
    }

    /// The horizontal centre of bar `index`.
    func barCentre(_ index: Int) -> Double { plot.left + (Double(index) + 0.5) * slot }

    /// The vertical position of `value`, nil if not computable.
    func y(_ value: Double) -> Double? {
        guard let t = yScale.fraction(of: value) else { return nil }
        return plot.bottom - t * plot.height
    }

    func tickLabel(_ value: Double) -> String {
        BarChartLayout.tickLabel(value, scale: yScale, percent: percentAxis)
    }

    private static func tickLabel(_ value: Double, scale: NiceScale, percent: Bool) -> String {
        percent ? NumberFormat.percent(value, decimals: max(0, -scale.stepExponent - 2)) : scale.label(value)
    }
}
