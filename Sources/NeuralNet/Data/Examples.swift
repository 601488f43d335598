/// A set of training or test examples, kept compact in memory.
///
/// Features stay as they were stored (usually `UInt8` pixels) and are widened to `Float`
/// one batch at a time by the training loop, so 60,000 MNIST images cost 47 MB, not 188 MB.
/// Row `i` of the features is the sample `i`; its shape is `sampleShape`.
public struct Examples: Sendable {
    /// How a sample's values are stored.
    public enum Features: Sendable {
        /// Raw bytes; the value the model sees is `Float(byte) * scale`.
        case bytes([UInt8], scale: Float)
        /// Ready floats.
        case floats([Float])
    }

    /// What the model is asked to predict for each sample.
    public enum Targets: Sendable, Equatable {
        /// Integer class labels (what `sparse_categorical_crossentropy` consumes).
        case labels([Int32])
        /// Integer class labels presented to the model as one-hot rows of width `classes`
        /// (what `categorical_crossentropy` consumes). Stored as labels; expanded per batch.
        case oneHot(labels: [Int32], classes: Int)
    }

    /// Number of samples.
    public var count: Int
    /// Shape of one sample, e.g. `[28, 28]` or, once flattened, `[784]`.
    public var sampleShape: [Int]
    public var features: Features
    public var targets: Targets

    public init(count: Int, sampleShape: [Int], features: Features, targets: Targets) {
        self.count = count
        self.sampleShape = sampleShape
        self.features = features
        self.targets = targets
    }

    /// Number of scalar values in one sample.
    public var sampleSize: Int { sampleShape.reduce(1, *) }

    /// The class labels, whichever way the targets are presented.
    public var labels: [Int32] {
        switch targets {
        case .labels(let labels), .oneHot(let labels, _): return labels
        }
    }

    /// The samples `range` (e.g. the validation tail), sharing nothing with `self` afterwards.
    public func slice(_ range: Range<Int>) -> Examples {
        let size = sampleSize
        let featureRange = (range.lowerBound * size)..<(range.upperBound * size)
        let newFeatures: Features
        switch features {
        case .bytes(let bytes, let scale): newFeatures = .bytes(Array(bytes[featureRange]), scale: scale)
        case .floats(let floats): newFeatures = .floats(Array(floats[featureRange]))
        }
        let newTargets: Targets
        switch targets {
        case .labels(let labels): newTargets = .labels(Array(labels[range]))
        case .oneHot(let labels, let classes): newTargets = .oneHot(labels: Array(labels[range]), classes: classes)
        }
        return Examples(count: range.count, sampleShape: sampleShape, features: newFeatures, targets: newTargets)
    }
}
