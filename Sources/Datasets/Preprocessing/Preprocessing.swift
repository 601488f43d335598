/// How a split becomes training examples: the `preprocess` cell's options.
///
/// ```swift
/// try Preprocessing(flatten: true, scale: 255, oneHot: 10).sampleShape(for: [28, 28])   // [784]
/// ```
public struct Preprocessing: Sendable, Equatable, Codable {
    /// Present each image as one row of `rows × columns` values instead of a 2-D sample.
    public var flatten: Bool
    /// Divide every pixel by this value (e.g. 255 maps pixels to 0…1); nil keeps raw 0…255.
    public var scale: Float?
    /// Present labels as one-hot rows of this many classes; nil keeps integer labels.
    public var oneHot: Int?
    /// Present each sample with this shape (e.g. `[28, 28, 1]` for a channels-last conv2d input);
    /// it must hold exactly the image's values. Overrides `flatten`.
    public var reshape: [Int]?

    public init(flatten: Bool = false, scale: Float? = nil, oneHot: Int? = nil, reshape: [Int]? = nil) {
        self.flatten = flatten
        self.scale = scale
        self.oneHot = oneHot
        self.reshape = reshape
    }

    /// The shape one sample of `imageShape` takes after these transforms.
    public func sampleShape(for imageShape: [Int]) throws -> [Int] {
        let size = imageShape.reduce(1, *)
        if let reshape {
            guard reshape.allSatisfy({ $0 > 0 }), reshape.reduce(1, { $0.multipliedReportingOverflow(by: $1).partialValue }) == size else {
                throw DatasetError.reshapeMismatch(from: imageShape, to: reshape)
            }
            return reshape
        }
        return flatten ? [size] : imageShape
    }
}
