import NeuralNet
import Notebook

extension Session {
    /// `build`: a Sequential model, one layer per line, initialised from the notebook's seed.
    mutating func runBuild(_ directive: BuildDirective, cell: Cell) throws -> [Output] {
        guard let first = directive.layers.first else {
            throw RunError(at: cell.location, "build has no layers")
        }
        let inputShape = try self.inputShape(for: first, cell: cell)
        let specs = directive.layers.map { layer -> LayerSpec in
            switch layer.value {
            case .dense(let units, let activation, _):
                return .dense(units: units, activation: Activation(activation))
            }
        }
        let model = try wrap(at: cell.location) {
            try Sequential(inputShape: inputShape, layers: specs, seed: seed)
        }
        self.model = model
        loss = nil
        history = nil
        evaluation = nil
        return [.table(Self.summaryTable(model))]
    }

    /// The input shape: `input=N` on the first layer, else the preprocessed data's sample shape.
    private func inputShape(for first: Located<LayerLine>, cell: Cell) throws -> [Int] {
        switch first.value {
        case .dense(_, _, let inputSize?):
            return [inputSize]
        case .dense:
            guard let shape = preprocessedSampleShape() else {
                throw RunError(at: first.location, "the first layer has no input size and no data is loaded to take it from",
                               hint: "write `input=784` on the first layer, or load data before this cell")
            }
            guard shape.count == 1 else {
                throw RunError(at: first.location,
                               "dense needs flat samples, but the data's samples are \(Format.shape(shape))",
                               hint: "add `flatten: true` to a preprocess cell before this one")
            }
            return shape
        }
    }

    /// Keras' `model.summary()` as a table.
    static func summaryTable(_ model: Sequential) -> Table {
        let rows = model.summary.map { layer in
            ["\(layer.name) (\(layer.type))", "(None, " + layer.outputShape.map(String.init).joined(separator: ", ") + ")",
             Format.integer(layer.parameters)]
        }
        let total = model.parameterCount
        let bytes = total * MemoryLayout<Float>.size
        let size = bytes < 1024 * 1024
            ? String(format: "%.2f KB", Double(bytes) / 1024) : String(format: "%.2f MB", Double(bytes) / 1_048_576)
        return Table(caption: "Model: \"sequential\" — input \(Format.shape(model.inputShape))",
                     header: ["Layer (type)", "Output Shape", "Param #"], rows: rows,
                     footerRows: [["Total params", "", "\(Format.integer(total)) (\(size))"],
                                  ["Trainable params", "", "\(Format.integer(total)) (\(size))"],
                                  ["Non-trainable params", "", "0 (0.00 B)"]],
                     numericColumns: [2])
    }
}

extension Activation {
    init(_ name: ActivationName) {
        switch name {
        case .relu: self = .relu
        case .sigmoid: self = .sigmoid
        case .tanh: self = .tanh
        case .softmax: self = .softmax
        case .linear: self = .linear
        }
    }
}
