/// An activation function, named as in Keras (`Dense(10, activation="relu")`).
public enum Activation: String, CaseIterable, Sendable {
    case relu, sigmoid, tanh, softmax, linear
}
