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
    case summary(SummaryDirective)
    case save(SaveDirective)

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
        case .summary: return "summary"
        case .save: return "save"
        }
    }

    /// Every directive name the grammar knows, for "did you mean" hints.
    public static let allNames = ["load", "preprocess", "build", "fit", "evaluate", "plot", "predict", "summary", "save"]
}

/// Built-in datasets `load` can fetch by name.
public enum DatasetName: String, Sendable, CaseIterable {
    case mnist
    case fashionMNIST = "fashion-mnist"
}

/// `load`: the data to work on, a saved model, or both.
///
/// At least one of `data` and `model` is set; `dataset:` and `path:` never come together.
public struct LoadDirective: Sendable {
    /// Where the training and test data come from.
    public enum DataSource: Sendable {
        /// `dataset: mnist`
        case dataset(Located<DatasetName>)
        /// `path: DIR` — as written, relative to the notebook's folder unless absolute.
        case path(Located<String>)
    }
    /// `dataset:` or `path:`; nil when the cell loads only a model.
    public var data: DataSource?
    /// `model: FILE` — a `.safetensors` file written by `save` (architecture and weights), as
    /// written, relative to the notebook's folder unless absolute.
    public var model: Located<String>?

    public init(data: DataSource? = nil, model: Located<String>? = nil) {
        self.data = data
        self.model = model
    }
}

/// `preprocess`: transforms applied to both training and test sets, in a fixed order
/// (reshape or flatten, then scale; `one_hot` changes how labels are presented).
/// `flatten: true` and `reshape` never come together.
public struct PreprocessDirective: Sendable, Equatable {
    /// `flatten: true` — each sample becomes one row.
    public var flatten: Bool
    /// `scale: N` — divide every value by N (N > 0).
    public var scale: Double?
    /// `one_hot: K` — present labels as one-hot rows of width K (K ≥ 2).
    public var oneHot: Located<Int>?
    /// `reshape: 28x28x1` — each sample takes this shape (1 to 3 dimensions, channels last);
    /// the location is the value's.
    public var reshape: Located<[Int]>?

    public init(flatten: Bool = false, scale: Double? = nil, oneHot: Located<Int>? = nil, reshape: Located<[Int]>? = nil) {
        self.flatten = flatten
        self.scale = scale
        self.oneHot = oneHot
        self.reshape = reshape
    }
}

/// `evaluate`: loss and accuracy on the test set.
public struct EvaluateDirective: Sendable, Equatable {
    /// `loss: NAME` — the loss to report; nil means the last fit's, or the loaded model's.
    public var loss: LossName?

    public init(loss: LossName? = nil) { self.loss = loss }
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
        /// The first weighted layer's weights as pictures (a `dense` unit's inputs, a `conv2d` filter).
        case weights
        /// The test images the model gets most confidently wrong.
        case mistakes
        /// Every model's curves overlaid (one chart per metric) and a table of the models.
        case compare
    }
    public var charts: [Located<Chart>]

    public init(charts: [Located<Chart>]) { self.charts = charts }
}

/// `predict`: classify one external image.
public struct PredictDirective: Sendable, Equatable {
    public enum Invert: String, Sendable, CaseIterable { case auto, `true`, `false` }
    /// `auto`: prepare the picture like the model's training data (MNIST's centring for digits,
    /// Fashion-MNIST's conversion for garments); `true`: MNIST's centring; `false`: a plain resize.
    public enum Center: String, Sendable, CaseIterable { case auto, `true`, `false` }

    /// A file, a folder of images, a glob (`images/drawn/*.png`), or an `http(s)` URL, as written;
    /// paths are relative to the notebook's folder unless absolute.
    public var image: Located<String>
    public var invert: Invert
    public var center: Center
    /// `labels: FILE`: a CSV of `file,label` lines giving each image's expected class.
    public var labels: Located<String>?

    public init(image: Located<String>, invert: Invert = .auto, center: Center = .auto, labels: Located<String>? = nil) {
        self.image = image
        self.invert = invert
        self.center = center
        self.labels = labels
    }
}

/// `summary`: print the model's summary table (no options).
public struct SummaryDirective: Sendable, Equatable {
    public init() {}
}

/// `save`: write the model (architecture and weights) to a `.safetensors` file.
public struct SaveDirective: Sendable, Equatable {
    /// `path: FILE` — as written, relative to the notebook's folder unless absolute.
    public var path: Located<String>

    public init(path: Located<String>) { self.path = path }
}
