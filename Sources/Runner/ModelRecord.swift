import NeuralNet

/// One model of a run, as `plot: compare`, the report and `--json`'s `models` show it: its name, its
/// shape in short, what its fits learned and what its `evaluate` scored.
///
/// A `build` or `load model:` cell starts a record (named by the cell's `#| label`, else "model N");
/// each `fit` of that model appends its epochs to `history` and its seconds to `fitSeconds`, each
/// `evaluate` replaces `evaluation`. The session keeps the records in notebook order; the last is the
/// current model's.
public struct ModelRecord: Sendable, Equatable, Codable {
    public var name: String
    /// The layers in short: "dense 128 · dropout · dense 10".
    public var layers: String
    public var parameters: Int
    /// Wall-clock seconds of all of this model's fits.
    public var fitSeconds: Double = 0
    /// Every epoch this model was trained, over all its fits (nil: never fitted).
    public var history: History?
    /// The last `evaluate` of this model.
    public var evaluation: Scores?

    /// Test loss and accuracy (an `Evaluation` without its predictions).
    public struct Scores: Sendable, Equatable, Codable {
        public var loss: Double
        public var accuracy: Double
    }

    init(name: String, model: Sequential) {
        self.name = name
        layers = Self.shortLayers(model.summary)
        parameters = model.parameterCount
    }

    /// "conv2d 32 · maxpool · flatten · dense 10": each layer as a `build` cell names it, with its units
    /// or filters where it has them.
    static func shortLayers(_ summary: [LayerSummary]) -> String {
        summary.map { layer in
            switch layer.type {
            case "Dense", "Conv2D": return "\(layer.type.lowercased()) \(layer.outputShape.last ?? 0)"
            case "MaxPooling2D": return "maxpool"
            case "BatchNormalization": return "batchnorm"
            case "LeakyReLU": return "leaky_relu"
            default: return layer.type.lowercased()
            }
        }.joined(separator: " · ")
    }

    /// The name of the `ordinal`-th model (1-based) when its cell has no label.
    static func defaultName(_ ordinal: Int) -> String { "model \(ordinal)" }
}

extension History {
    /// This history followed by `later`'s epochs (a second `fit` continues the curves). When only one
    /// of them validated, the other's epochs get NaN validation values: gaps in the curves.
    func appending(_ later: History) -> History {
        let validated = !valLoss.isEmpty || !later.valLoss.isEmpty
        func padded(_ values: [Double], epochs: Int) -> [Double] {
            validated && values.isEmpty ? Array(repeating: .nan, count: epochs) : values
        }
        return History(loss: loss + later.loss, accuracy: accuracy + later.accuracy,
                       valLoss: padded(valLoss, epochs: loss.count) + padded(later.valLoss, epochs: later.loss.count),
                       valAccuracy: padded(valAccuracy, epochs: loss.count) + padded(later.valAccuracy, epochs: later.loss.count),
                       epochSeconds: epochSeconds + later.epochSeconds)
    }
}
