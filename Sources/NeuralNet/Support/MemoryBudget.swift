import Foundation

/// Refuses an allocation that cannot fit, before it is attempted: sizes are summed with
/// overflow-checked arithmetic and compared with `MemAvailable` from /proc/meminfo.
enum MemoryBudget {
    /// Bytes the kernel says can be allocated without swapping; nil where /proc/meminfo is absent.
    static func availableBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let kilobytes = Int(fields[1]) else { return nil }
            return kilobytes.multipliedReportingOverflow(by: 1024).overflow ? Int.max : kilobytes * 1024
        }
        return nil
    }

    /// Throws `modelTooLarge` unless `floats` 4-byte values (nil: the count overflowed) fit in memory.
    static func require(_ what: String, floats: Int?) throws {
        let bytes = Checked.product(floats, MemoryLayout<Float>.size)
        let available = availableBytes() ?? Int.max
        guard let bytes, bytes <= available else {
            throw NeuralNetError.modelTooLarge(what: what, neededBytes: bytes, availableBytes: available)
        }
    }
}

/// Int arithmetic where nil means "overflowed".
enum Checked {
    static func product(_ values: Int?...) -> Int? { product(values) }

    static func product(_ values: [Int?]) -> Int? {
        var result = 1
        for value in values {
            guard let value else { return nil }
            let (next, overflow) = result.multipliedReportingOverflow(by: value)
            if overflow { return nil }
            result = next
        }
        return result
    }

    static func sum(_ values: Int?...) -> Int? { sum(values) }

    static func sum(_ values: [Int?]) -> Int? {
        var result = 0
        for value in values {
            guard let value else { return nil }
            let (next, overflow) = result.addingReportingOverflow(value)
            if overflow { return nil }
            result = next
        }
        return result
    }
}
