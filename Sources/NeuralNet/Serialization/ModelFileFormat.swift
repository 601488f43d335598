/// The metadata keys and values of a Folio model file (safetensors with a `__metadata__` map).
enum ModelFileFormat {
    static let formatKey = "format"
    static let format = "folio"
    static let versionKey = "folio_version"
    static let version = "1"
    static let architectureKey = "architecture"
    static let lossKey = "loss"
    static let optimizerKey = "optimizer"
}

extension OptimizerSpec {
    /// Keras-style configuration as JSON text, e.g. `{"learning_rate":0.001,"name":"adam"}`.
    var configurationJSON: String {
        func number(_ value: Float) -> JSONValue { .number(Double(value.description) ?? Double(value)) }
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
}
