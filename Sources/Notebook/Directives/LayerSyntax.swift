/// What each layer type takes on a `build` line: its positional arguments in order, then its
/// `key=value` options.
struct LayerSyntax {
    /// Which layer a line builds.
    enum Family: Equatable {
        case dense, conv2d, maxPool, flatten, dropout, batchNormalization
        case activation(ActivationName)
    }

    /// A positional argument.
    enum Slot {
        case units, filters, kernel, activation, pool, rate, slope

        /// As in "conv2d needs a kernel size".
        var missingPhrase: String {
            switch self {
            case .units: return "a number of units"
            case .filters: return "a number of filters"
            case .kernel: return "a kernel size"
            case .activation: return "an activation"
            case .pool: return "a pool size"
            case .rate: return "a dropout rate"
            case .slope: return "a negative slope"
            }
        }
    }

    let family: Family
    /// The documented name: `dense`, `conv2d`, `maxpool`, …, or the activation's.
    let name: String
    let slots: [Slot]
    /// How many leading slots must be given.
    let required: Int
    /// The `key=value` options it accepts.
    let keys: [String]
    /// The line's grammar and an example, for hints.
    let usage: String
    /// The input rank it needs (`dense` flat rows, `conv2d` and `maxpool` HxWxC images); nil: any.
    let inputRank: Int?
}

extension LayerSyntax {
    static let dense = LayerSyntax(
        family: .dense, name: "dense", slots: [.units, .activation], required: 1, keys: ["activation", "input", "init"],
        usage: "write `dense UNITS [ACTIVATION] [input=N] [init=NAME]`, e.g. `dense 128 relu`", inputRank: 1)
    static let conv2d = LayerSyntax(
        family: .conv2d, name: "conv2d", slots: [.filters, .kernel, .activation], required: 2,
        keys: ["activation", "input", "stride", "padding", "init"],
        usage: "write `conv2d FILTERS KERNEL [ACTIVATION] [input=HxWxC] [stride=N] [padding=valid|same] [init=NAME]`, "
            + "e.g. `conv2d 32 3 relu`", inputRank: 3)
    static let maxPool = LayerSyntax(
        family: .maxPool, name: "maxpool", slots: [.pool], required: 1, keys: ["input", "stride"],
        usage: "write `maxpool POOL [stride=N]`, e.g. `maxpool 2`", inputRank: 3)
    static let flatten = LayerSyntax(
        family: .flatten, name: "flatten", slots: [], required: 0, keys: ["input"],
        usage: "write `flatten` alone (or `flatten input=28x28` as the first layer)", inputRank: nil)
    static let dropout = LayerSyntax(
        family: .dropout, name: "dropout", slots: [.rate], required: 1, keys: ["input"],
        usage: "write `dropout RATE`, e.g. `dropout 0.5`", inputRank: nil)
    static let batchNormalization = LayerSyntax(
        family: .batchNormalization, name: "batchnorm", slots: [], required: 0, keys: ["input"],
        usage: "write `batchnorm` alone", inputRank: nil)

    /// A bare activation line; only `leaky_relu` takes an argument, its negative slope.
    static func activationLine(_ activation: ActivationName) -> LayerSyntax {
        let slope = activation == .leakyRelu
        return LayerSyntax(
            family: .activation(activation), name: activation.rawValue, slots: slope ? [.slope] : [], required: 0,
            keys: ["input"],
            usage: slope ? "write `leaky_relu [SLOPE]`, e.g. `leaky_relu 0.3`" : "write `\(activation.rawValue)` alone",
            inputRank: nil)
    }

    /// The syntax of the layer type `word` names (documented names and their Keras-style aliases).
    static func named(_ word: String) -> LayerSyntax? {
        switch word {
        case "dense": return .dense
        case "conv2d": return .conv2d
        case "maxpool", "maxpool2d", "max_pooling2d", "maxpooling2d": return .maxPool
        case "flatten": return .flatten
        case "dropout": return .dropout
        case "batchnorm", "batch_normalization", "batchnormalization": return .batchNormalization
        default: return ActivationName(rawValue: word).map(activationLine)
        }
    }

    /// Every word a layer line may start with, for "did you mean" hints.
    static let allTypeNames = ["dense", "conv2d", "maxpool", "maxpool2d", "max_pooling2d", "maxpooling2d", "flatten",
                               "dropout", "batchnorm", "batch_normalization", "batchnormalization"]
        + ActivationName.allCases.map(\.rawValue)

    /// Every `key=` any layer accepts.
    static let allKeys = ["activation", "input", "init", "stride", "padding"]

    /// Keras argument names that Folio writes as a positional argument or under another key.
    static let kerasArguments: [String: String] = [
        "units": "give the number of units as the first argument",
        "filters": "give the number of filters as the first argument",
        "kernel_size": "give the kernel size as the second argument, e.g. `conv2d 32 3`",
        "pool_size": "give the pool size as the first argument, e.g. `maxpool 2`",
        "rate": "give the rate as the first argument, e.g. `dropout 0.5`",
        "negative_slope": "give the slope as the first argument, e.g. `leaky_relu 0.3`",
        "alpha": "give the slope as the first argument, e.g. `leaky_relu 0.3`",
        "input_shape": "write `input=28x28x1`",
        "input_dim": "write `input=784`",
        "kernel_initializer": "write `init=he_normal`",
        "initializer": "write `init=he_normal`",
        "strides": "write `stride=2`",
    ]
}
