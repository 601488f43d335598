import Datasets
import Limits
import NeuralNet

/// The one place where a dataset meets the engine: `Datasets` knows nothing of `NeuralNet`.
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
