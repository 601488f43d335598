/// Integer-only ticks for counted axes such as epochs: steps 1, 2, 5, 10, 20, 50, … chosen so that
/// at most `maxCount` ticks fall inside `lower…upper`.
///
/// ```swift
/// IntegerTicks.within(1, 50, maxCount: 8)   // [10, 20, 30, 40, 50]
/// ```
enum IntegerTicks {
    static func within(_ lower: Double, _ upper: Double, maxCount: Int) -> [Double] {
        guard lower.isFinite, upper.isFinite, lower <= upper, abs(lower) < 1e12, abs(upper) < 1e12 else {
            return []
        }
        let limit = max(maxCount, 1)
        var step = 1.0
        while step < 1e13 {
            for mantissa in [1.0, 2.0, 5.0] {
                let size = step * mantissa
                let first = (lower / size).rounded(.up), last = (upper / size).rounded(.down)
                if last - first + 1 <= Double(limit) {
                    return first > last ? [] : (Int(first)...Int(last)).map { Double($0) * size }
                }
            }
            step *= 10
        }
        return []
    }
}
