/// An activation function, named as in Keras (`Dense(10, activation="relu")`).
///
/// `leakyRelu` leaks `negative_slope · x` for x < 0: 0.2 as a dense/conv2d `activation=` option (Keras 3's
/// `keras.activations.leaky_relu` default), 0.3 by default as a standalone layer (Keras' `LeakyReLU`).
public enum Activation: String, CaseIterable, Sendable {
    case relu
    case leakyRelu = "leaky_relu"
    case sigmoid, tanh, softmax, linear

    /// The slope `keras.activations.leaky_relu` uses when named as a layer's `activation=`.
    public static let defaultLeakySlope: Float = 0.2
}
