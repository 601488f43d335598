/// One row of a Keras-style model summary.
public struct LayerSummary: Sendable, Equatable {
    /// Keras style: "dense", "dense_1", …
    public var name: String
    /// "Dense"
    public var type: String
    /// Without the batch dimension.
    public var outputShape: [Int]
    public var parameters: Int

    public init(name: String, type: String, outputShape: [Int], parameters: Int) {
        self.name = name
        self.type = type
        self.outputShape = outputShape
        self.parameters = parameters
    }
}
