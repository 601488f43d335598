/// A directive cell's typed meaning, fully validated: every value is in range and every
/// required option present. Values a later stage may need to point at keep their location.
public enum Directive: Sendable {
    case load(LoadDirective)
    case preprocess(PreprocessDirective)
    case build(BuildDirective)
    case fit(FitDirective)
    case evaluate(EvaluateDirective)
    case plot(PlotDirective)
    case predict(PredictDirective)

    /// The name as written in a fence's info string.
    public var name: String {
        switch self {
        case .load: return "load"
        case .preprocess: return "preprocess"
        case .build: return "build"
        case .fit: return "fit"
        case .evaluate: return "evaluate"
        case .plot: return "plot"
        case .predict: return "predict"
        }
    }

    /// Every directive name the grammar knows, for "did you mean" hints.
    public static let allNames = ["load", "preprocess", "build", "fit", "evaluate", "plot", "predict"]
}

/// Built-in datasets `load` can fetch by name.
public enum DatasetName: String, Sendable, CaseIterable {
    case mnist
    case fashionMNIST = "fashion-mnist"
}

/// `load`: exactly one source.
public struct LoadDirective: Sendable {
    public enum Source: Sendable {
        /// `dataset: mnist`
        case dataset(Located<DatasetName>)
        /// `path: DIR` — as written, relative to the notebook's folder unless absolute.
        case path(Located<String>)
    }
    public var source: Source

    public init(source: Source) { self.source = source }
}

/// `preprocess`: transforms applied to both training and test sets, in a fixed order
/// (reshape/flatten, then scale; `one_hot` changes how labels are presented).
public struct PreprocessDirective: Sendable, Equatable {
    /// `flatten: true` — each sample becomes one row.
    public var flatten: Bool
    /// `scale: N` — divide every value by N (N > 0).
    public var scale: Double?
    /// `one_hot: K` — present labels as one-hot rows of width K (K ≥ 2).
    public var oneHot: Located<Int>?

    public init(flatten: Bool = false, scale: Double? = nil, oneHot: Located<Int>? = nil) {
        self.flatten = flatten
        self.scale = scale
        self.oneHot = oneHot
    }
}

/// Activation names accepted in `build` lines.
public enum ActivationName: String, Sendable, CaseIterable {
    case relu, sigmoid, tanh, softmax, linear
}

/// `build`: one layer per line.
public struct BuildDirective: Sendable {
    public var layers: [Located<LayerLine>]

    public init(layers: [Located<LayerLine>]) { self.layers = layers }
}

/// One line of a `build` cell.
public enum LayerLine: Sendable, Equatable {
    /// `dense UNITS [ACTIVATION] [input=N]`; activation defaults to linear.
    case dense(units: Int, activation: ActivationName, inputSize: Int?)
}

/// Loss names accepted by `fit`.
public enum LossName: String, Sendable, CaseIterable {
    case categoricalCrossentropy = "categorical_crossentropy"
}

/// `fit`: training options, Keras names and defaults.
public struct FitDirective: Sendable, Equatable {
    public enum Optimizer: String, Sendable, CaseIterable { case adam, sgd }

    public var loss: LossName
    public var optimizer: Optimizer
    /// nil: the optimizer's Keras default (adam 0.001, sgd 0.01).
    public var learningRate: Double?
    /// sgd only (0 ≤ m < 1); default 0.
    public var momentum: Double
    /// sgd only; default false.
    public var nesterov: Bool
    public var epochs: Int
    public var batchSize: Int
    /// 0 ≤ s < 1: the last fraction of the training data, held out before shuffling.
    public var validationSplit: Double
    public var shuffle: Bool

    public init(loss: LossName, optimizer: Optimizer = .adam, learningRate: Double? = nil, momentum: Double = 0,
                nesterov: Bool = false, epochs: Int = 1, batchSize: Int = 32, validationSplit: Double = 0,
                shuffle: Bool = true) {
        self.loss = loss
        self.optimizer = optimizer
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
        self.epochs = epochs
        self.batchSize = batchSize
        self.validationSplit = validationSplit
        self.shuffle = shuffle
    }
}

/// `evaluate`: loss and accuracy on the test set (no options).
public struct EvaluateDirective: Sendable, Equatable {
    public init() {}
}

/// `plot`: a comma- or newline-separated list of chart names.
public struct PlotDirective: Sendable, Equatable {
    public enum Chart: String, Sendable, CaseIterable {
        /// Training (and validation) loss per epoch.
        case loss
        /// Training (and validation) accuracy per epoch.
        case accuracy
        /// The last evaluate's confusion matrix.
        case confusionMatrix = "confusion_matrix"
        /// A grid of training samples with their labels.
        case samples
    }
    public var charts: [Located<Chart>]

    public init(charts: [Located<Chart>]) { self.charts = charts }
}

/// `predict`: classify one external image.
public struct PredictDirective: Sendable, Equatable {
    public enum Invert: String, Sendable, CaseIterable { case auto, `true`, `false` }

    /// A path (relative to the notebook's folder unless absolute) or an `http(s)` URL, as written.
    public var image: Located<String>
    public var invert: Invert
    /// MNIST-style centring (default true); false is a plain resize to the model's input.
    public var center: Bool

    public init(image: Located<String>, invert: Invert = .auto, center: Bool = true) {
        self.image = image
        self.invert = invert
        self.center = center
    }
}
