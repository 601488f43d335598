import Foundation

/// A linear axis with "nice" tick positions: steps of 1, 2 or 5 times a power of ten (the classic
/// Heckbert / d3 algorithm), tick values computed from integers so they carry no float noise.
///
/// ```swift
/// let scale = NiceScale.covering(0.03, 2.31)   // lower 0, upper 2.5, ticks 0, 0.5, …, 2.5
/// scale.label(scale.ticks[1])                  // "0.5"
/// ```
struct NiceScale: Equatable {
    /// The ends of the axis.
    var lower: Double
    var upper: Double
    /// Tick positions inside `lower…upper`, ascending.
    var ticks: [Double]
    /// The step between ticks is `m × 10^stepExponent` with m ∈ {1, 2, 5}; labels use it for decimals.
    var stepExponent: Int

    /// The scale that extends `min…max` outwards to whole steps (about `targetTickCount` ticks).
    /// A degenerate range (min == max) is widened around its value first.
    static func covering(_ min: Double, _ max: Double, targetTickCount: Int = 5) -> NiceScale {
        guard min.isFinite, max.isFinite else { return covering(0, 1, targetTickCount: targetTickCount) }
        var (lower, upper) = widened(Swift.min(min, max), Swift.max(min, max))
        for _ in 0..<4 {
            guard let step = Step(span: upper - lower, targetCount: targetTickCount),
                  let index = step.indexRange(lower, upper, inward: false) else { break }
            let (niceLower, niceUpper) = (step.value(at: index.lowerBound), step.value(at: index.upperBound))
            if niceLower == lower && niceUpper == upper { break }
            (lower, upper) = (niceLower, niceUpper)
        }
        return fixed(lower, upper, targetTickCount: targetTickCount)
    }

    /// The scale with exactly the ends `lower…upper` and nice ticks between them.
    static func fixed(_ lower: Double, _ upper: Double, targetTickCount: Int = 5) -> NiceScale {
        guard lower.isFinite, upper.isFinite else { return fixed(0, 1, targetTickCount: targetTickCount) }
        let (low, high) = lower < upper ? (lower, upper) : widened(Swift.min(lower, upper), Swift.max(lower, upper))
        guard let step = Step(span: high - low, targetCount: targetTickCount),
              let index = step.indexRange(low, high, inward: true) else {
            let exponent = NumberFormat.decimalExponent(of: Swift.max(abs(low), abs(high), .leastNormalMagnitude))
            return NiceScale(lower: low, upper: high, ticks: [low, high], stepExponent: exponent)
        }
        let ticks = index.map { step.value(at: $0) }
        return NiceScale(lower: low, upper: high, ticks: ticks, stepExponent: step.exponent)
    }

    /// The tick label for `value` (decimals as the step needs; scientific for tiny or huge steps).
    func label(_ value: Double) -> String {
        NumberFormat.tick(value, stepExponent: stepExponent)
    }

    /// Where `value` falls on the axis: 0 at `lower`, 1 at `upper` (nil when not computable).
    func fraction(of value: Double) -> Double? {
        let t = (value - lower) / (upper - lower)
        return t.isFinite ? t : nil
    }

    // MARK: - Private

    /// A range with lower < upper: a single value is widened by 10 % of itself (or ±1 around zero).
    private static func widened(_ lower: Double, _ upper: Double) -> (Double, Double) {
        if lower < upper { return (lower, upper) }
        if lower == 0 { return (-1, 1) }
        return lower > 0 ? (lower * 0.9, lower * 1.1) : (lower * 1.1, lower * 0.9)
    }

    /// A tick step `mantissa × 10^exponent`.
    private struct Step {
        var mantissa: Int
        var exponent: Int

        init?(span: Double, targetCount: Int) {
            let raw = span / Double(Swift.max(targetCount, 1))
            guard raw.isFinite, raw > 0 else { return nil }
            var exponent = NumberFormat.decimalExponent(of: raw)
            let error = raw / pow(10, Double(exponent))
            var mantissa: Int
            switch error {
            case 50.0.squareRoot()...: mantissa = 10
            case 10.0.squareRoot()...: mantissa = 5
            case 2.0.squareRoot()...: mantissa = 2
            default: mantissa = 1
            }
            if mantissa == 10 { (mantissa, exponent) = (1, exponent + 1) }
            guard abs(exponent) < 300 else { return nil }
            self.mantissa = mantissa
            self.exponent = exponent
        }

        var size: Double { scaled(Double(mantissa)) }

        /// The tick `index × step`, computed as an exact integer scaled by a power of ten.
        func value(at index: Int) -> Double { scaled(Double(index * mantissa)) }

        /// The step indices of the ticks inside (`inward`) or just covering `lower…upper`;
        /// nil when the count would be absurd or the indices overflow.
        func indexRange(_ lower: Double, _ upper: Double, inward: Bool) -> ClosedRange<Int>? {
            let tolerance = 1e-9
            let a = lower / size, b = upper / size
            let first = inward ? (a - tolerance).rounded(.up) : (a + tolerance).rounded(.down)
            let last = inward ? (b + tolerance).rounded(.down) : (b - tolerance).rounded(.up)
            guard first.isFinite, last.isFinite, abs(first) < 1e12, abs(last) < 1e12,
                  first <= last, last - first <= 1000 else { return nil }
            return Int(first)...Int(last)
        }

        private func scaled(_ value: Double) -> Double {
            exponent >= 0 ? value * pow(10, Double(exponent)) : value / pow(10, Double(-exponent))
        }
    }
}
