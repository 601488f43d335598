/// Activation names accepted in `build` lines, as a layer's activation or as a layer of their own.
public enum ActivationName: String, Sendable, CaseIterable {
    case relu
    case leakyRelu = "leaky_relu"
    case sigmoid, tanh, softmax, linear
}

/// Weight initialisers accepted by `init=` (Keras names); the engine's default is `glorot_uniform`.
public enum InitializerName: String, CaseIterable, Sendable {
    case glorotUniform = "glorot_uniform"
    case glorotNormal = "glorot_normal"
    case heUniform = "he_uniform"
    case heNormal = "he_normal"
    case zeros
}

/// Convolution padding accepted by `padding=` (Keras names).
public enum PaddingName: String, CaseIterable, Sendable {
    /// No padding: the output shrinks by `kernel − 1`.
    case valid
    /// Zero padding so that the output is `ceil(input / stride)` wide.
    case same
}

/// `build`: one layer per line.
public struct BuildDirective: Sendable {
    public var layers: [Located<LayerLine>]

    public init(layers: [Located<LayerLine>]) { self.layers = layers }
}

/// One line of a `build` cell: the layer and the options that are not the layer's own.
public struct LayerLine: Sendable, Equatable {
    public var kind: LayerKind
    /// `input=784` → `[784]`, `input=28x28x1` → `[28, 28, 1]` (channels last); first layer only.
    public var inputShape: [Int]?
    /// `init=he_normal` (dense and conv2d only); nil means the engine's default, `glorot_uniform`.
    public var initializer: InitializerName?

    public init(kind: LayerKind, inputShape: [Int]? = nil, initializer: InitializerName? = nil) {
        self.kind = kind
        self.inputShape = inputShape
        self.initializer = initializer
    }
}

/// The layer a `build` line describes, with every default filled in.
public enum LayerKind: Sendable, Equatable {
    /// `dense UNITS [ACTIVATION]`; activation defaults to linear.
    case dense(units: Int, activation: ActivationName)
    /// `conv2d FILTERS KERNEL [ACTIVATION] [stride=N] [padding=valid|same]`: a square kernel;
    /// stride 1, padding valid and a linear activation by default.
    case conv2d(filters: Int, kernelSize: Int, stride: Int, padding: PaddingName, activation: ActivationName)
    /// `maxpool POOL [stride=N]`; a nil stride means the pool size (Keras).
    case maxPool(poolSize: Int, stride: Int?)
    /// `flatten`
    case flatten
    /// `dropout RATE`, 0 ≤ RATE < 1.
    case dropout(rate: Double)
    /// `batchnorm`
    case batchNormalization
    /// A bare activation line: `relu`, `leaky_relu [SLOPE]`, …; the slope is set only for
    /// `leaky_relu`, and nil there means the Keras layer's default (0.3).
    case activation(ActivationName, negativeSlope: Double?)
}
