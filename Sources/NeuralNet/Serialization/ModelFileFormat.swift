import Foundation

/// The metadata keys and values of a Folio model file (safetensors with a `__metadata__` map).
///
/// Version 2 (written today) holds `format`, `folio_version` "2", `architecture`, and when known
/// `loss`, `preparation` (a `DataPreparation` as JSON), `optimizer` (its spec as JSON) with
/// `optimizer_iterations` (its step count) and one F32 tensor `optimizer.NAME` per state array.
/// Version 1 files (architecture, weights, maybe loss and optimizer spec) still load.
enum ModelFileFormat {
    static let formatKey = "format"
    static let format = "folio"
    static let versionKey = "folio_version"
    /// The version `save` writes.
    static let version = 2
    /// The versions `load` reads.
    static let readableVersions = [1, 2]
    static let architectureKey = "architecture"
    static let lossKey = "loss"
    static let optimizerKey = "optimizer"
    /// Version 2: the optimizer's step count, as decimal text.
    static let optimizerIterationsKey = "optimizer_iterations"
    /// Version 2: how the training data was presented (`DataPreparation.json`).
    static let preparationKey = "preparation"
    /// Version 2: the tensor name of an optimizer state array (`optimizer.m`, `optimizer.v`, `optimizer.velocity`).
    static func optimizerTensorName(_ slot: String) -> String { "optimizer.\(slot)" }
}

extension OptimizerSpec {
    /// Keras-style configuration as JSON text, e.g. `{"learning_rate":0.001,"name":"adam"}`.
    var configurationJSON: String {
        let number = JSONValue.float
        switch self {
        case .adam(let learningRate):
            return JSONValue.object(["name": .string("adam"), "learning_rate": number(learningRate)]).text
        case .sgd(let learningRate, let momentum, let nesterov):
            return JSONValue.object(["name": .string("sgd"), "learning_rate": number(learningRate),
                                     "momentum": number(momentum), "nesterov": .bool(nesterov)]).text
        case .rmsprop(let learningRate):
            return JSONValue.object(["name": .string("rmsprop"), "learning_rate": number(learningRate)]).text
        case .adamw(let learningRate, let weightDecay):
            return JSONValue.object(["name": .string("adamw"), "learning_rate": number(learningRate),
                                     "weight_decay": number(weightDecay)]).text
        }
    }

    /// Parses `configurationJSON` (the same Float bits come back) and validates the hyper-parameters;
    /// throws `Architecture.Problem`.
    init(configurationJSON json: String) throws {
        typealias Problem = Architecture.Problem
        guard let fields = JSONValue.parse(Data(json.utf8))?.objectValue else {
            throw Problem("its optimizer is not a JSON object")
        }
        try JSONRepeatedKey.refuse(in: json, what: "its optimizer")
        func number(_ key: String) throws -> Float {
            guard let value = fields[key] else { throw Problem("its optimizer lacks \"\(key)\"") }
            guard let number = value.floatValue else { throw Problem("its optimizer's \"\(key)\" is \(value.briefText), not a number") }
            return number
        }
        guard let name = fields["name"]?.stringValue else { throw Problem("its optimizer has no name") }
        switch name {
        case "adam":
            self = .adam(learningRate: try number("learning_rate"))
        case "adamw":
            self = .adamw(learningRate: try number("learning_rate"), weightDecay: try number("weight_decay"))
        case "rmsprop":
            self = .rmsprop(learningRate: try number("learning_rate"))
        case "sgd":
            guard case .bool(let nesterov)? = fields["nesterov"] else { throw Problem("its optimizer's \"nesterov\" is not true or false") }
            self = .sgd(learningRate: try number("learning_rate"), momentum: try number("momentum"), nesterov: nesterov)
        default:
            throw Problem("its optimizer is named \(SafetensorsFile.brief(name)) (known: adam, adamw, rmsprop, sgd)")
        }
        do {
            try validate()
        } catch let error as NeuralNetError {
            throw Problem("its optimizer is not usable (\(error.description))")
        }
    }
}
