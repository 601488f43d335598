/// How a chart prints data values (bar labels, percentage axes).
public enum ValueFormat: Sendable, Equatable {
    /// About three significant digits: `0.123`, `12.3`, `1235`, `2.5e-5`.
    case automatic
    /// Fractions as percentages with one decimal: `0.973` → `97.3%` (for probabilities).
    case percent
    /// Exactly this many decimals: `.fixed(decimals: 2)` prints `0.97`.
    case fixed(decimals: Int)

    /// `value` in this format (`n/a` for NaN, `∞` for infinities).
    public func format(_ value: Double) -> String {
        switch self {
        case .automatic: return NumberFormat.compact(value)
        case .percent: return NumberFormat.percent(value, decimals: 1)
        case .fixed(let decimals): return NumberFormat.fixed(value, decimals: decimals)
        }
    }
}
