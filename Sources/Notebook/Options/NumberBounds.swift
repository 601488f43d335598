/// The finite range a decimal option must lie in, and how to say it in a message.
struct NumberBounds {
    var lower: Double
    var lowerIncluded: Bool
    /// nil: no upper bound (but the value must still be finite).
    var upper: Double?
    var upperIncluded: Bool

    func contains(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
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
