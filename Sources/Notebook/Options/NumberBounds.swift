/// The finite range a decimal option must lie in, and how to say it in a message.
///
/// The engine stores these options as `Float`, so a value must also be finite — and still in
/// range — once rounded to a 32-bit float (`1e300` is `inf`, `1e-50` is 0 as a Float).
struct NumberBounds {
    var lower: Double
    var lowerIncluded: Bool
    /// nil: no upper bound (but the value must still be finite).
    var upper: Double?
    var upperIncluded: Bool

    func contains(_ value: Double) -> Bool {
        guard value.isFinite, inRange(value) else { return false }
        let single = Float(value)
        return single.isFinite && inRange(Double(single))
    }

    /// Why a number that is in range as written is not once stored as a Float ("" otherwise).
    func floatNote(_ value: Double?) -> String {
        guard let value, value.isFinite, inRange(value), !contains(value) else { return "" }
        return Float(value).isFinite
            ? " (as a 32-bit float, which the engine uses, it would be \(Float(value)))"
            : " (too large for a 32-bit float, which the engine uses: at most about 3.4e38)"
    }

    private func inRange(_ value: Double) -> Bool {
        guard lowerIncluded ? value >= lower : value > lower else { return false }
        guard let upper else { return true }
        return upperIncluded ? value <= upper : value < upper
    }

    /// E.g. "a number greater than 0", "a number from 0 up to (not including) 1".
    var phrase: String {
        let low = Self.format(lower)
        guard let upper else { return lowerIncluded ? "a number of at least \(low)" : "a number greater than \(low)" }
        let high = Self.format(upper)
        switch (lowerIncluded, upperIncluded) {
        case (true, true): return "a number from \(low) to \(high)"
        case (true, false): return "a number from \(low) up to (not including) \(high)"
        case (false, true): return "a number greater than \(low) and at most \(high)"
        case (false, false): return "a number between \(low) and \(high) (both excluded)"
        }
    }

    /// Strictly greater than zero.
    static let positive = NumberBounds(lower: 0, lowerIncluded: false, upper: nil, upperIncluded: false)
    /// 0 ≤ value < 1.
    static let fraction = NumberBounds(lower: 0, lowerIncluded: true, upper: 1, upperIncluded: false)

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
