/// `fit`: training options with Keras names and defaults; `loss` is required.
enum FitGrammar {
    static let keys = ["loss", "optimizer", "learning_rate", "momentum", "nesterov", "epochs", "batch_size",
                       "validation_split", "shuffle", "metrics"]
    static let epochRange = 1...100_000
    static let batchSizeRange = 1...1_000_000

    /// Keras loss names Folio does not implement yet.
    static let unsupportedLosses: Set<String> = [
        "sparse_categorical_crossentropy", "binary_crossentropy", "mean_squared_error", "mse",
        "mean_absolute_error", "mae", "mean_absolute_percentage_error", "mape", "mean_squared_logarithmic_error",
        "msle", "hinge", "squared_hinge", "categorical_hinge", "kl_divergence", "kld", "kullback_leibler_divergence",
        "poisson", "huber", "huber_loss", "log_cosh", "logcosh", "cosine_similarity", "categorical_focal_crossentropy",
        "binary_focal_crossentropy", "ctc",
    ]
    /// Keras optimizer names Folio does not implement yet.
    static let unsupportedOptimizers: Set<String> = [
        "rmsprop", "adagrad", "adadelta", "adamax", "nadam", "adamw", "ftrl", "lion", "adafactor", "lamb",
    ]

    static func parse(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> FitDirective? {
        let options = CellOptions(cell, keys: keys, example: "epochs: 10", diagnostics: &diagnostics)
        options.require("loss", example: "loss: categorical_crossentropy", diagnostics: &diagnostics)
        let loss = options.choice("loss", of: LossName.self, notSupported: unsupportedLosses,
                                  hint: "Folio supports loss: categorical_crossentropy (with one_hot labels and a softmax output)",
                                  diagnostics: &diagnostics)
        let optimizer = options.choice("optimizer", of: FitDirective.Optimizer.self,
                                       notSupported: unsupportedOptimizers, diagnostics: &diagnostics)
        let chosen = optimizer?.value ?? (options.mentions("optimizer") ? nil : .adam)
        let learningRate = options.number("learning_rate", .positive, diagnostics: &diagnostics)
        let momentum = options.number("momentum", .fraction, diagnostics: &diagnostics)
        let nesterov = options.boolean("nesterov", diagnostics: &diagnostics)
        for key in ["momentum", "nesterov"] {
            if chosen == .adam, let option = options[key] {
                diagnostics.error(at: options.keyLocation(option), "'\(key)' applies only to optimizer sgd",
                                  hint: "add `optimizer: sgd`, or remove this line (adam keeps its own momentum)")
            }
        }
        let epochs = options.integer("epochs", in: epochRange, diagnostics: &diagnostics)
        let batchSize = options.integer("batch_size", in: batchSizeRange, diagnostics: &diagnostics)
        let split = options.number("validation_split", .fraction, diagnostics: &diagnostics)
        let shuffle = options.boolean("shuffle", diagnostics: &diagnostics)
        MetricsGrammar.check(options, diagnostics: &diagnostics)
        guard let loss else { return nil }
        return FitDirective(loss: loss.value, optimizer: chosen ?? .adam, learningRate: learningRate,
                            momentum: momentum ?? 0, nesterov: nesterov ?? false, epochs: epochs?.value ?? 1,
                            batchSize: batchSize?.value ?? 32, validationSplit: split ?? 0, shuffle: shuffle ?? true)
    }
}
