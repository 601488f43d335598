import Foundation

/// A cache size as written on the command line: `1073741824`, `500MB`, `1GB`, `64 KiB`.
/// KB, MB and GB (and KiB, MiB, GiB) are powers of 1024; case does not matter.
public enum CacheSize {
    /// The number of bytes `text` names; throws `CacheError.invalidSize`.
    public static func bytes(_ text: String) throws -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Int)] = [("KIB", 1 << 10), ("MIB", 1 << 20), ("GIB", 1 << 30), ("KB", 1 << 10),
                                      ("MB", 1 << 20), ("GB", 1 << 30), ("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30), ("B", 1)]
        var number = Substring(trimmed), factor = 1
        if let (suffix, size) = units.first(where: { trimmed.hasSuffix($0.0) }) {
            number = trimmed.dropLast(suffix.count)
            factor = size
        }
        let digits = number.trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Double(digits), value.isFinite, value > 0,
              value * Double(factor) < Double(Int.max / 2) else {
            throw CacheError.invalidSize(text)
        }
        return Int(value * Double(factor))
    }
}
