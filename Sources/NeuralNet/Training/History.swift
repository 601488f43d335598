/// Per-epoch metrics of a `fit`, like Keras' `History.history`.
///
/// `valLoss` and `valAccuracy` are empty when there was no validation split.
public struct History: Sendable, Equatable, Codable {
    public var loss: [Double]
    public var accuracy: [Double]
    public var valLoss: [Double]
    public var valAccuracy: [Double]
    /// Wall-clock seconds of each epoch, validation pass included.
    public var epochSeconds: [Double]

    public init(loss: [Double] = [], accuracy: [Double] = [], valLoss: [Double] = [],
                valAccuracy: [Double] = [], epochSeconds: [Double] = []) {
        self.loss = loss
        self.accuracy = accuracy
        self.valLoss = valLoss
        self.valAccuracy = valAccuracy
        self.epochSeconds = epochSeconds
    }
}
