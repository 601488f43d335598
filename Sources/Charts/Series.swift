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
