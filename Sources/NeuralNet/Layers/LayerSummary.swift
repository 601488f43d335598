/// One row of a Keras-style model summary.
public struct LayerSummary: Sendable, Equatable {
    /// Keras style: "dense", "dense_1", "conv2d", "max_pooling2d", …
    public var name: String
    /// Keras class name: "Dense", "Conv2D", "MaxPooling2D", "Flatten", "Dropout", "BatchNormalization",
    /// "LeakyReLU", "Activation".
    public var type: String
    /// Without the batch dimension.
    public var outputShape: [Int]
    /// All of the layer's parameters, trainable or not (Keras' "Param #").
    public var parameters: Int
    /// The trainable ones (batch normalization's moving statistics are not).
    public var trainableParameters: Int

    public init(name: String, type: String, outputShape: [Int], parameters: Int, trainableParameters: Int? = nil) {
        self.name = name
        self.type = type
        self.outputShape = outputShape
        self.parameters = parameters
        self.trainableParameters = trainableParameters ?? parameters
    }
}
