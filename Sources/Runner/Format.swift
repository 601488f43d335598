import Charts
import Foundation

/// Number formatting shared by every cell's tables and text and the terminal, so they read alike.
public enum Format {
    /// `60000` → `60,000`.
    static func integer(_ value: Int) -> String { NumberFormat.grouped(value) }

    /// A loss or accuracy as Keras prints it: 4 decimals, or scientific below 1e-3.
    public static func metric(_ value: Double) -> String {
        guard value.isFinite else { return String(describing: value) }
        if value != 0 && abs(value) < 1e-3 { return String(format: "%.4e", value) }
        return String(format: "%.4f", value)
    }

    /// `0.9271` → `92.71%`.
    static func percent(_ value: Double) -> String {
        guard value.isFinite else { return String(describing: value) }
        return String(format: "%.2f%%", value * 100)
    }

    /// Durations: `0.31 s`, `12.4 s`, `2 min 05 s`.
    static func seconds(_ value: Double) -> String {
        if value < 10 { return String(format: "%.2f s", value) }
        if value < 120 { return String(format: "%.1f s", value) }
        let whole = Int(value.rounded())
        return String(format: "%d min %02d s", whole / 60, whole % 60)
    }

    /// Keras' summary sizes: `32.70 KB`, `1.25 MB`.
    static func bytes(_ count: Int) -> String {
        if count < 1024 { return "\(count).00 B" }
        if count < 1_048_576 { return String(format: "%.2f KB", Double(count) / 1024) }
        return String(format: "%.2f MB", Double(count) / 1_048_576)
    }

    /// `[28, 28]` → `28×28`.
    static func shape(_ shape: [Int]) -> String {
        shape.map(String.init).joined(separator: "×")
    }
}
