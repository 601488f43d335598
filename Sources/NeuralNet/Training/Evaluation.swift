/// The result of `Sequential.evaluate`: mean loss and accuracy over all samples.
public struct Evaluation: Sendable, Equatable, Codable {
    public var loss: Double
    public var accuracy: Double
    /// The argmax of each sample's prediction, in sample order (for a confusion matrix).
    public var predictedLabels: [Int32]

    public init(loss: Double, accuracy: Double, predictedLabels: [Int32]) {
        self.loss = loss
        self.accuracy = accuracy
        self.predictedLabels = predictedLabels
    }
}
