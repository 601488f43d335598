/// One layer of a `Sequential` model, as a notebook's `build` cell describes it.
///
/// A new kind of layer is a new case here plus a type conforming to `Layer` (see `Layers/`).
public enum LayerSpec: Equatable, Sendable {
    /// A fully connected layer (Keras `Dense`): glorot-uniform kernel, zero bias.
    case dense(units: Int, activation: Activation)
}
