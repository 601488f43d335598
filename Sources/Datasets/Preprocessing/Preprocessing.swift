import NeuralNet

/// How a split becomes training examples: the `preprocess` cell's options.
///
/// ```swift
/// let examples = try files.train.examples(Preprocessing(flatten: true, scale: 255, oneHot: 10))
/// examples.sampleShape   // [784]
/// ```
public struct Preprocessing: Sendable, Equatable {
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

extension DatasetSplit {
    /// The split as compact `Examples`: pixels stay bytes (widened per batch with `1/scale`),
    /// the sample shape is the image shape (e.g. `[28, 28]`) or `[784]` when flattened, and the
    /// targets are one-hot when `oneHot` is set (every label must be below it) or plain labels.
    public func examples(_ preprocessing: Preprocessing) throws -> Examples {
        var factor: Float = 1
        if let scale = preprocessing.scale {
            guard scale.isFinite, scale > 0 else { throw DatasetError.invalidScale(scale) }
            factor = 1 / scale
        }
        let sampleShape = try preprocessing.sampleShape(for: images.itemShape)
        try MemoryBudget.require("labels as 32-bit integers", bytes: labels.bytes.count.multipliedReportingOverflow(by: 4).overflow
                                 ? nil : labels.bytes.count * 4)
        let labelValues = labels.bytes.map { Int32($0) }
        let targets: Examples.Targets
        if let classes = preprocessing.oneHot {
            guard classes >= 1 else { throw DatasetError.invalidClassCount(classes) }
            if let index = labels.bytes.firstIndex(where: { Int($0) >= classes }) {
                throw DatasetError.labelOutOfRange(label: Int(labels.bytes[index]), index: index, classes: classes)
            }
            targets = .oneHot(labels: labelValues, classes: classes)
        } else {
            targets = .labels(labelValues)
        }
        return Examples(count: images.count, sampleShape: sampleShape,
                        features: .bytes(images.bytes, scale: factor), targets: targets)
    }
}
