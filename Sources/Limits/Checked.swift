/// Int arithmetic where nil means "overflowed".
public enum Checked {
    public static func product(_ values: Int?...) -> Int? { product(values) }

    public static func product(_ values: [Int?]) -> Int? {
        var result = 1
        for value in values {
            guard let value else { return nil }
            let (next, overflow) = result.multipliedReportingOverflow(by: value)
            if overflow { return nil }
            result = next
        }
        return result
    }

    public static func sum(_ values: Int?...) -> Int? { sum(values) }

    public static func sum(_ values: [Int?]) -> Int? {
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
