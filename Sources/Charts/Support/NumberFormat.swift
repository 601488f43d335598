import Foundation

/// Human-readable numbers for tick labels, value labels and descriptions — never float noise
/// like `0.30000000000000004`, never `nan`.
public enum NumberFormat {
    /// `value` with exactly `decimals` digits after the point (`-0` prints as `0`).
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let places = min(max(decimals, 0), 12)
        let text = String(format: "%.\(places)f", value)
        return isNegativeZero(text) ? String(text.dropFirst()) : text
    }

    /// A tick label for `value` on an axis whose step is `m × 10^stepExponent`: as many decimals as
    /// the step needs, scientific (`3e-4`, `1.5e6`) when the step is below 0.001 or 100 000 and up.
    static func tick(_ value: Double, stepExponent: Int) -> String {
        guard value.isFinite else { return nonFinite(value) }
        if stepExponent < -3 || stepExponent >= 5 {
            if value == 0 { return "0" }
            let exponent = decimalExponent(of: value)
            return scientific(value, mantissaDecimals: min(max(exponent - stepExponent, 0), 6))
        }
        return fixed(value, decimals: max(0, -stepExponent))
    }

    /// About `significantDigits` significant digits (3: `0.123`, `12.3`, `1235`), trailing zeros
    /// trimmed; scientific for tiny or huge magnitudes (`2.5e-5`, `1.2e7`).
    static func compact(_ value: Double, significantDigits: Int = 3) -> String {
        guard value.isFinite else { return nonFinite(value) }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude < 1e-3 || magnitude >= 1e6 {
            return scientific(value, mantissaDecimals: max(significantDigits - 1, 0))
        }
        let exponent = decimalExponent(of: value)
        return trimmingZeros(fixed(value, decimals: max(0, significantDigits - 1 - exponent)))
    }

    /// `value` (a fraction, 0.973) as a percentage with `decimals` digits (`97.3%`).
    static func percent(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return nonFinite(value) }
        return fixed(value * 100, decimals: decimals) + "%"
    }

    /// An integer with thin grouping for readability in descriptions (`10,000`).
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// ⌊log10 |value|⌋ for a finite, non-zero value.
    static func decimalExponent(of value: Double) -> Int {
        Int(floor(log10(abs(value))))
    }

    // MARK: - Private

    private static func scientific(_ value: Double, mantissaDecimals: Int) -> String {
        var exponent = decimalExponent(of: value)
        var mantissaText = fixed(value / pow(10, Double(exponent)), decimals: mantissaDecimals)
        if let mantissa = Double(mantissaText), abs(mantissa) >= 10 {
            exponent += 1
            mantissaText = fixed(value / pow(10, Double(exponent)), decimals: mantissaDecimals)
        }
        return trimmingZeros(mantissaText) + "e" + String(exponent)
    }

    private static func trimmingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return trimmed == "-0" ? "0" : String(trimmed)
    }

    private static func isNegativeZero(_ text: String) -> Bool {
        text.hasPrefix("-") && text.dropFirst().allSatisfy { $0 == "0" || $0 == "." }
    }

    private static func nonFinite(_ value: Double) -> String {
        value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞")
    }
}
