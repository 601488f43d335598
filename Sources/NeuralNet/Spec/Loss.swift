/// A loss function, named as in Keras.
public enum Loss: String, CaseIterable, Sendable {
    /// Cross-entropy between one-hot targets and predicted probabilities.
    case categoricalCrossentropy = "categorical_crossentropy"
}
