import NeuralNet
import Notebook

extension Session {
    /// `build`: a Sequential model, one layer per line, initialised from the notebook's seed.
    mutating func runBuild(_ directive: BuildDirective, cell: Cell) throws -> [Output] {
        guard let first = directive.layers.first else {
            throw RunError(at: cell.location, "build has no layers")
        }
        let dataShape = try wrap(at: cell.location) { try preprocessedSampleShape() }
        let inputShape = try Self.inputShape(for: first, dataShape: dataShape)
        let specs = directive.layers.map { LayerSpec($0.value) }
        let model: Sequential
        do {
            model = try Sequential(inputShape: inputShape, layers: specs, seed: seed)
        } catch let error as NeuralNetError {
            throw RunError(at: directive.location(ofLayer: error.layerNumber) ?? cell.location, error.description)
        }
        self.model = model
        loss = nil
        history = nil
        evaluation = nil
        startRecord(of: model, cell: cell)
        let line = Self.description(of: model)
        // A labelled model is introduced by its name: "wide-mlp is a sequential model of …".
        return [.text(cell.display.label.map { "\($0) is a" + line.dropFirst("A".count) } ?? line)]
    }

    /// One line about a model: its layers, parameters and input (`summary` shows the table).
    static func description(of model: Sequential) -> String {
        let layers = model.summary.count
        return "A sequential model of \(layers) layer\(layers == 1 ? "" : "s") and \(Format.integer(model.parameterCount)) "
            + "parameters: input \(Format.shape(model.inputShape)), output \(Format.shape(model.outputShape))."
    }

    /// The input shape: `input=…` on the first layer, else `dataShape`, the preprocessed data's
    /// sample shape (nil: no data loaded).
    static func inputShape(for first: Located<LayerLine>, dataShape: [Int]?) throws -> [Int] {
        if let shape = first.value.inputShape { return shape }
        guard let shape = dataShape else {
            throw RunError(at: first.location, "the first layer has no input size and no data is loaded to take it from",
                           hint: "write `input=784` (or `input=28x28x1` for conv2d) on the first layer, or load data before this cell")
        }
        switch first.value.kind {
        case .dense where shape.count != 1:
            throw RunError(at: first.location, "dense needs flat samples, but the data's samples are \(Format.shape(shape))",
                           hint: "add `flatten: true` to a preprocess cell before this one, or start with a `flatten` layer")
        case .conv2d where shape.count != 3, .maxPool where shape.count != 3:
            throw RunError(at: first.location,
                           "\(first.value.kind.name) needs height×width×channels samples, but the data's samples are \(Format.shape(shape))",
                           hint: shape.count == 2 ? "add `reshape: \(shape[0])x\(shape[1])x1` to a preprocess cell before this one"
                                                  : "add e.g. `reshape: 28x28x1` to a preprocess cell before this one")
        default:
            return shape
        }
    }

    /// Keras' `model.summary()` as a table.
    static func summaryTable(_ model: Sequential) -> Table {
        let rows = model.summary.map { layer -> [String] in
            ["\(layer.name) (\(layer.type))", "(None, " + layer.outputShape.map(String.init).joined(separator: ", ") + ")",
             Format.integer(layer.parameters)]
        }
        let total = model.parameterCount
        let trainable = model.trainableParameterCount
        let counted = { (count: Int) in "\(Format.integer(count)) (\(Format.bytes(count * MemoryLayout<Float>.size)))" }
        return Table(caption: "Model: \"sequential\" — input \(Format.shape(model.inputShape))",
                     header: ["Layer (type)", "Output Shape", "Param #"], rows: rows,
                     footerRows: [["Total params", "", counted(total)],
                                  ["Trainable params", "", counted(trainable)],
                                  ["Non-trainable params", "", counted(total - trainable)]],
                     numericColumns: [2])
    }
}

extension BuildDirective {
    /// Where the 1-based `number`th layer line is written.
    func location(ofLayer number: Int?) -> SourceLocation? {
        guard let number, layers.indices.contains(number - 1) else { return nil }
        return layers[number - 1].location
    }
}

extension LayerKind {
    /// The layer's name as written in a `build` line.
    var name: String {
        switch self {
        case .dense: return "dense"
        case .conv2d: return "conv2d"
        case .maxPool: return "maxpool"
        case .flatten: return "flatten"
        case .dropout: return "dropout"
        case .batchNormalization: return "batchnorm"
        case .activation(let activation, _): return activation.rawValue
        }
    }
}

extension LayerSpec {
    /// The engine's layer for a `build` line (the grammar has already checked every value).
    init(_ line: LayerLine) {
        let initializer = Initializer(line.initializer ?? .glorotUniform)
        switch line.kind {
        case .dense(let units, let activation):
            self = .dense(units: units, activation: Activation(activation), initializer: initializer)
        case .conv2d(let filters, let kernelSize, let stride, let padding, let activation):
            self = .conv2d(filters: filters, kernelSize: kernelSize, stride: stride, padding: Padding(padding),
                           activation: Activation(activation), initializer: initializer)
        case .maxPool(let poolSize, let stride):
            self = .maxPool2D(poolSize: poolSize, stride: stride)
        case .flatten:
            self = .flatten
        case .dropout(let rate):
            self = .dropout(rate: Float(rate))
        case .batchNormalization:
            self = .batchNormalization
        case .activation(let activation, let slope):
            self = .activation(Activation(activation), negativeSlope: Float(slope ?? 0.3))
        }
    }
}

extension Activation {
    init(_ name: ActivationName) {
        switch name {
        case .relu: self = .relu
        case .leakyRelu: self = .leakyRelu
        case .sigmoid: self = .sigmoid
        case .tanh: self = .tanh
        case .softmax: self = .softmax
        case .linear: self = .linear
        }
    }
}

extension Initializer {
    init(_ name: InitializerName) {
        switch name {
        case .glorotUniform: self = .glorotUniform
        case .glorotNormal: self = .glorotNormal
        case .heUniform: self = .heUniform
        case .heNormal: self = .heNormal
        case .zeros: self = .zeros
        }
    }
}

extension Padding {
    init(_ name: PaddingName) {
        switch name {
        case .valid: self = .valid
        case .same: self = .same
        }
    }
}
