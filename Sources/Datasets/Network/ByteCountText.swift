import Foundation

/// Sizes and durations written for people: "20 MB", "47.5 MB", "800 bytes", "20 s", "0.5 s".
enum ByteCountText {
    /// `bytes` in decimal megabytes (one decimal when needed), or in bytes below 1 MB.
    static func of(_ bytes: Int) -> String {
        guard bytes >= 1_000_000 else { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        let tenths = (bytes + 50_000) / 100_000
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }

    /// `seconds` as whole seconds, or with one decimal below 10 s when not whole.
    static func seconds(_ seconds: TimeInterval) -> String {
        if seconds >= 10 || seconds == seconds.rounded() { return "\(Int(seconds.rounded())) s" }
        return String(format: "%.1f s", seconds)
    }
}
