extension Tensor: CustomStringConvertible {
    /// Nested brackets like NumPy, e.g. `[[1.0, 2.0], [3.0, 4.0]]` for shape `[2, 2]`; a tensor of more
    /// than `Tensor.describedValues` values shows its shape and its first values instead.
    public var description: String {
        if count > Self.describedValues {
            let head = scalars.prefix(8).map { "\($0)" }.joined(separator: ", ")
            return "Tensor(shape: \(shape), \(count) values: [\(head), …])"
        }
        if shape.isEmpty { return scalars.first.map { "\($0)" } ?? "[]" }
        return nested(axis: 0, offset: 0)
    }

    /// Most values `description` writes out in full.
    public static let describedValues = 1000

    /// The sub-array starting at flat `offset` on `axis`.
    private func nested(axis: Int, offset: Int) -> String {
        let size = shape[axis]
        if axis == shape.count - 1 {
            return "[" + (0..<size).map { "\(scalars[offset + $0])" }.joined(separator: ", ") + "]"
        }
        let stride = shape[(axis + 1)...].reduce(1, *)
        return "[" + (0..<size).map { nested(axis: axis + 1, offset: offset + $0 * stride) }.joined(separator: ", ") + "]"
    }
}
