/// `fit`: training options with Keras names and defaults; `loss` is required.
enum FitGrammar {
    static let keys = ["loss", "optimizer", "learning_rate", "momentum", "nesterov", "weight_decay", "epochs",
                       "batch_size", "validation_split", "shuffle", "metrics"]
    static let epochRange = 1...100_000
    static let batchSizeRange = 1...1_000_000
    static let weightDecayBounds = NumberBounds(lower: 0, lowerIncluded: true, upper: nil, upperIncluded: false)

    /// Other spellings Keras accepts for a loss.
    static let lossAliases: [String: LossName] = ["mse": .meanSquaredError]
    /// Keras loss names Folio does not implement yet.
    static let unsupportedLosses: Set<String> = [
        "mean_absolute_error", "mae", "mean_absolute_percentage_error", "mape", "mean_squared_logarithmic_error",
        "msle", "hinge", "squared_hinge", "categorical_hinge", "kl_divergence", "kld", "kullback_leibler_divergence",
        "poisson", "huber", "huber_loss", "log_cosh", "logcosh", "cosine_similarity", "categorical_focal_crossentropy",
        "binary_focal_crossentropy", "ctc",
    ]
    /// Keras optimizer names Folio does not implement yet.
    static let unsupportedOptimizers: Set<String> = [
        "adagrad", "adadelta", "adamax", "nadam", "ftrl", "lion", "adafactor", "lamb", "loss_scale_optimizer",
    ]

    static func parse(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> FitDirective? {
        let options = CellOptions(cell, keys: keys, example: "epochs: 10", diagnostics: &diagnostics)
        options.require("loss", example: "loss: categorical_crossentropy", diagnostics: &diagnostics)
        let loss = loss(options, diagnostics: &diagnostics)
        let optimizer = options.choice("optimizer", of: FitDirective.Optimizer.self,
                                       notSupported: unsupportedOptimizers, diagnostics: &diagnostics)
        let chosen = optimizer?.value ?? (options.mentions("optimizer") ? nil : .adam)
        let learningRate = options.number("learning_rate", .positive, diagnostics: &diagnostics)
        let momentum = options.number("momentum", .fraction, diagnostics: &diagnostics)
        let nesterov = options.boolean("nesterov", diagnostics: &diagnostics)
        let weightDecay = options.number("weight_decay", weightDecayBounds, diagnostics: &diagnostics)
        if let chosen { checkOptimizerOptions(options, chosen: chosen, diagnostics: &diagnostics) }
        let epochs = options.integer("epochs", in: epochRange, diagnostics: &diagnostics)
        let batchSize = options.integer("batch_size", in: batchSizeRange, diagnostics: &diagnostics)
        let split = options.number("validation_split", .fraction, diagnostics: &diagnostics)
        let shuffle = options.boolean("shuffle", diagnostics: &diagnostics)
        MetricsGrammar.check(options, diagnostics: &diagnostics)
        guard let loss else { return nil }
        return FitDirective(loss: loss.value, optimizer: chosen ?? .adam, learningRate: learningRate,
                            momentum: momentum ?? 0, nesterov: nesterov ?? false, weightDecay: weightDecay,
                            epochs: epochs?.value ?? 1, batchSize: batchSize?.value ?? 32, validationSplit: split ?? 0,
                            shuffle: shuffle ?? true)
    }

    /// The `loss:` option (also read by `evaluate`): a Keras loss name or alias.
    static func loss(_ options: CellOptions, diagnostics: inout DiagnosticCollector) -> Located<LossName>? {
        let lossNames = LossName.allCases.map(\.rawValue).joined(separator: ", ")
        return options.choice("loss", of: LossName.self, aliases: lossAliases, notSupported: unsupportedLosses,
                              hint: "losses: \(lossNames) (also `mse`)", diagnostics: &diagnostics)
    }

    /// `momentum` and `nesterov` belong to sgd, `weight_decay` to adamw.
    private static func checkOptimizerOptions(_ options: CellOptions, chosen: FitDirective.Optimizer,
                                              diagnostics: inout DiagnosticCollector) {
        let owners: [(key: String, owner: FitDirective.Optimizer)] = [
            ("momentum", .sgd), ("nesterov", .sgd), ("weight_decay", .adamw),
        ]
        for (key, owner) in owners where chosen != owner {
            guard let option = options[key] else { continue }
            diagnostics.error(at: options.keyLocation(option),
                              "'\(key)' applies only to optimizer \(owner.rawValue), not \(chosen.rawValue)",
                              hint: "add `optimizer: \(owner.rawValue)`, or remove this line (\(chosen.rawValue) keeps Keras' defaults)")
        }
    }
}
