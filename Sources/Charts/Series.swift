/// One named line of a `LineChart`: `values[i]` is plotted at `x = xStart + i`.
///
/// Non-finite values (NaN, ±∞) are gaps: the line breaks there. `dashed` draws it dashed, the usual
/// look for validation curves; `colorIndex` picks a palette colour explicitly so that a pair such as
/// `loss` / `val_loss` can share one colour (nil = the series' position in the chart).
public struct Series: Sendable, Equatable {
    public var name: String
    public var values: [Double]
    public var dashed: Bool = false
    public var colorIndex: Int? = nil

    public init(name: String, values: [Double], dashed: Bool = false, colorIndex: Int? = nil) {
        self.name = name
        self.values = values
        self.dashed = dashed
        self.colorIndex = colorIndex
    }

    /// The `index`-th of many lines that each need a look of their own (one per model): its palette
    /// colour, solid the first time round the palette, dashed the second, and so on alternating.
    public init(name: String, values: [Double], distinctIndex index: Int) {
        let round = max(0, index) / Palette.series.count
        self.init(name: name, values: values, dashed: round % 2 == 1, colorIndex: index)
    }

    /// The runs of consecutive finite values, as (index, value) pairs: each run is one unbroken line.
    var finiteRuns: [[(index: Int, value: Double)]] {
        var runs: [[(index: Int, value: Double)]] = []
        var current: [(index: Int, value: Double)] = []
        for (index, value) in values.enumerated() {
            if value.isFinite {
                current.append((index, value))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
