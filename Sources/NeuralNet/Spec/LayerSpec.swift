/// One layer of a `Sequential` model, as a notebook's `build` cell describes it, with Keras' defaults.
///
/// Samples are channels-last like Keras: `conv2d` and `maxPool2D` take `[height, width, channels]`
/// (e.g. `[28, 28, 1]`); `dense` takes `[n]`, so a `flatten` goes between them. A new kind of layer is
/// a new case here plus a type conforming to `Layer` (see `Layers/`).
public enum LayerSpec: Equatable, Sendable {
    /// Keras `Dense`: `activation(x · kernel + bias)`, kernel (inputs, units), zero bias.
    case dense(units: Int, activation: Activation = .linear, initializer: Initializer = .glorotUniform)
    /// Keras `Conv2D`: `filters` square `kernelSize × kernelSize` kernels (kh, kw, in, filters), zero bias.
    case conv2d(filters: Int, kernelSize: Int, stride: Int = 1, padding: Padding = .valid,
                activation: Activation = .linear, initializer: Initializer = .glorotUniform)
    /// Keras `MaxPooling2D` with valid padding; `stride` nil means `poolSize`, as in Keras.
    case maxPool2D(poolSize: Int, stride: Int? = nil)
    /// Keras `Flatten`: `[h, w, c]` → `[h·w·c]`.
    case flatten
    /// Keras `Dropout`: while training, zeroes each value with probability `rate` (0 ≤ rate < 1) and
    /// scales the rest by 1/(1 − rate); does nothing at evaluation and predict.
    case dropout(rate: Float)
    /// Keras `BatchNormalization` (momentum 0.99, epsilon 1e-3, center and scale) over the last axis:
    /// batch statistics while training, moving statistics at evaluation and predict.
    case batchNormalization
    /// A standalone activation layer: Keras `LeakyReLU(negative_slope)` for `.leakyRelu`, else
    /// `Activation(name)` (`negativeSlope` then unused).
    case activation(Activation, negativeSlope: Float = 0.3)
}
