/// An n-dimensional array of unsigned bytes read from an IDX file (the format of MNIST).
///
/// `dimensions[0]` counts the items (images or labels); the rest is the shape of one item,
/// e.g. `[60000, 28, 28]`. `bytes` holds every item in row-major order.
public struct IDXArray: Sendable, Equatable {
    public let dimensions: [Int]
    public let bytes: [UInt8]

    /// Number of items: the first dimension.
    public var count: Int { dimensions.first ?? 0 }

    /// Shape of one item, e.g. `[28, 28]` for images and `[]` for labels.
    public var itemShape: [Int] { Array(dimensions.dropFirst()) }

    /// Builds an array, checking that `bytes` holds exactly what `dimensions` describe.
    public init(dimensions: [Int], bytes: [UInt8]) throws {
        guard let size = IDXArray.elementCount(dimensions), size == bytes.count else {
            throw DatasetError.idxShapeMismatch(dimensions: dimensions, byteCount: bytes.count)
        }
        self.dimensions = dimensions
        self.bytes = bytes
    }

    init(unchecked dimensions: [Int], bytes: [UInt8]) {
        self.dimensions = dimensions
        self.bytes = bytes
    }

    /// The product of `dimensions`, or nil when a dimension is negative or the product overflows.
    static func elementCount(_ dimensions: [Int]) -> Int? {
        var product = 1
        for dimension in dimensions {
            guard dimension >= 0 else { return nil }
            let (next, overflow) = product.multipliedReportingOverflow(by: dimension)
            if overflow { return nil }
            product = next
        }
        return product
    }
}
