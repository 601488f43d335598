import Limits

/// A dense multi-dimensional array of `Float`, row-major (the last index varies fastest): inputs,
/// outputs and weights crossing the API, e.g. a dense kernel of shape `[inputs, units]`.
///
/// The shape and the values always agree: every way of building or reshaping a tensor checks it.
/// A shape `[]` is a scalar (one value); a dimension of 0 makes an empty tensor.
public struct Tensor: Sendable, Equatable {
    /// The size of each dimension.
    public private(set) var shape: [Int]
    /// The values, row-major; `scalars.count == shape.reduce(1, *)`.
    public private(set) var scalars: [Float]

    /// A tensor of `shape` holding `scalars` (row-major). Throws when a dimension is negative or the
    /// number of values is not the product of the dimensions.
    public init(shape: [Int], scalars: [Float]) throws {
        let count = try Self.count(of: shape)
        guard scalars.count == count else {
            throw NeuralNetError.invalidTensor("shape \(shape) needs \(count) values but \(scalars.count) were given")
        }
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of `shape` filled with zeros. Throws when a dimension is negative or the values would not
    /// fit in memory.
    public init(zeros shape: [Int]) throws {
        let count = try Self.count(of: shape)
        try MemoryBudget.require("tensor", floats: count)
        self.shape = shape
        scalars = [Float](repeating: 0, count: count)
    }

    /// Number of values.
    public var count: Int { scalars.count }

    /// Number of dimensions.
    public var rank: Int { shape.count }

    /// The value at flat (row-major) position `index`; like an `Array`, `index` must be in `0..<count`.
    public subscript(index: Int) -> Float {
        get { scalars[index] }
        set { scalars[index] = newValue }
    }

    /// The value at one index per dimension, e.g. `try t.value(at: [row, column])`.
    public func value(at indices: [Int]) throws -> Float {
        scalars[try flatIndex(of: indices)]
    }

    /// Replaces the value at one index per dimension.
    public mutating func setValue(_ value: Float, at indices: [Int]) throws {
        scalars[try flatIndex(of: indices)] = value
    }

    /// The row-major position of `indices`; throws unless there is one index per dimension, each in range.
    public func flatIndex(of indices: [Int]) throws -> Int {
        guard indices.count == shape.count else {
            throw NeuralNetError.invalidTensor("a tensor of shape \(shape) needs \(shape.count) indices but \(indices.count) were given")
        }
        var flat = 0
        for (axis, (index, size)) in zip(indices, shape).enumerated() {
            guard index >= 0, index < size else {
                throw NeuralNetError.invalidTensor("index \(index) is out of range 0..<\(size) on axis \(axis) of shape \(shape)")
            }
            flat = flat * size + index
        }
        return flat
    }

    /// The same values under another shape with the same number of values; throws otherwise.
    public func reshaped(to newShape: [Int]) throws -> Tensor {
        let newCount = try Self.count(of: newShape)
        guard newCount == count else {
            throw NeuralNetError.invalidTensor("cannot reshape \(shape) (\(count) values) to \(newShape) (\(newCount) values)")
        }
        var copy = self
        copy.shape = newShape
        return copy
    }

    /// Reshapes in place; throws (leaving the tensor unchanged) when the counts differ.
    public mutating func reshape(to newShape: [Int]) throws {
        self = try reshaped(to: newShape)
    }

    /// The number of values `shape` holds; throws for a negative dimension or an overflowing product.
    static func count(of shape: [Int]) throws -> Int {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw NeuralNetError.invalidTensor("shape \(shape) has a negative dimension")
        }
        guard let count = Checked.product(shape.map { Optional($0) }) else {
            throw NeuralNetError.invalidTensor("shape \(shape) holds more values than can be counted")
        }
        return count
    }
}
