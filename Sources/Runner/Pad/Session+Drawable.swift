import NeuralNet

extension Session {
    /// The report's pad for the session's model as it stands (after the last cell): nil when there
    /// is no model or it does not take one 28×28 gray image.
    var padModel: PadModel? {
        guard let model, let facts = padFacts else { return nil }
        return facts.pad(for: model)
    }

    /// What the pad needs to know besides the model itself (the cell cache keeps it with each entry).
    var padFacts: PadFacts? {
        guard let model else { return nil }
        return PadFacts(scale: presentedScale,
                        preparation: imagePreparation(for: .auto) == .garment ? "garment" : "digit",
                        classNames: classNames(count: model.outputShape.reduce(1, *)))
    }

    /// What `predict` divides each pixel by: as the loaded model's file says, else as the session's
    /// data is presented, else (no data, no record) 255.
    var presentedScale: Float {
        activePreparation.map { $0.scale ?? 1 } ?? preprocessing.scale ?? (data == nil ? 255 : 1)
    }
}

/// The session's side of a pad: how the page scales and prepares a drawing and names the classes.
struct PadFacts: Codable, Equatable {
    var scale: Float
    var preparation: String
    var classNames: [String]

    /// The pad for `model` with these facts (nil when it does not take one 28×28 gray image).
    func pad(for model: Sequential) -> PadModel? {
        DrawableModel.pad(for: model, scale: scale, preparation: preparation, classNames: classNames)
    }
}

extension DrawableModel {
    /// Weights past this many bytes (float32) are not embedded in a report.
    public static let maximumWeightBytes = 1_000_000
    /// Batch normalization's epsilon, as the engine's `BatchNormalization` layer uses it (Keras' 1e-3).
    static let batchNormalizationEpsilon: Float = 1e-3

    /// The pad for `model`, or nil when it does not take one 28×28 gray image or its weights are not all finite.
    static func pad(for model: Sequential, scale: Float, preparation: String, classNames: [String]) -> PadModel? {
        guard [[784], [28, 28], [28, 28, 1]].contains(model.inputShape) else { return nil }
        let bytes = model.parameterCount * 4
        guard bytes <= maximumWeightBytes else { return .tooLarge(weightBytes: bytes) }
        let summaries = model.summary
        guard summaries.count == model.layers.count else { return nil }
        var inputShape = model.inputShape
        var layers: [Layer] = []
        for (spec, summary) in zip(model.layers, summaries) {
            layers.append(Layer(spec, input: inputShape, output: summary.outputShape))
            inputShape = summary.outputShape
        }
        let weights = model.weights().flatMap { $0 }
        // A diverged model (NaN or infinite weights) has nothing to show.
        guard weights.allSatisfy(\.isFinite) else { return nil }
        // The split of the weights must account for every one of them, or the page would misread them.
        guard layers.flatMap(\.weightCounts).reduce(0, +) == weights.count else { return nil }
        return .drawable(DrawableModel(inputShape: model.inputShape, scale: scale, preparation: preparation,
                                       classNames: classNames, layers: layers, weights: weights))
    }
}

extension DrawableModel.Layer {
    /// `spec` with its input and output shapes (channels last, no batch dimension).
    init(_ spec: LayerSpec, input: [Int], output: [Int]) {
        self.init(kind: "", outputShape: output, weightCounts: [])
        let channels = input.last ?? 1
        switch spec {
        case .dense(let units, let activation, _):
            kind = "dense"
            self.units = units
            setActivation(activation, slope: Activation.defaultLeakySlope)
            weightCounts = [input.reduce(1, *) * units, units]
        case .conv2d(let filters, let kernelSize, let stride, let padding, let activation, _):
            kind = "conv2d"
            self.filters = filters
            self.kernelSize = kernelSize
            self.stride = stride
            self.padding = padding.rawValue
            setActivation(activation, slope: Activation.defaultLeakySlope)
            weightCounts = [kernelSize * kernelSize * channels * filters, filters]
        case .maxPool2D(let poolSize, let stride):
            kind = "maxpool2d"
            self.poolSize = poolSize
            self.stride = stride ?? poolSize
        case .flatten:
            kind = "flatten"
        case .dropout:
            kind = "dropout"
        case .batchNormalization:
            kind = "batchnorm"
            epsilon = DrawableModel.batchNormalizationEpsilon
            weightCounts = [channels, channels, channels, channels]
        case .activation(let activation, let negativeSlope):
            kind = "activation"
            setActivation(activation, slope: negativeSlope)
        }
    }

    private mutating func setActivation(_ activation: Activation, slope: Float) {
        self.activation = activation.rawValue
        if activation == .leakyRelu { negativeSlope = slope }
    }
}
