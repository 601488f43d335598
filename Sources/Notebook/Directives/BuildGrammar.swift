/// `build`: one layer per line — positional arguments first, then `key=value` options in any
/// order (see `LayerSyntax` for what each layer type takes).
///
/// Words are separated by spaces or tabs; `input=` is allowed on the first layer only.
enum BuildGrammar {
    static let countRange = 1...1_000_000
    static let sizeRange = 1...64

    /// Keras layer names Folio's notebooks cannot build yet.
    static let unsupportedLayers: Set<String> = [
        "conv1d", "conv3d", "conv2dtranspose", "conv2d_transpose", "separableconv2d", "depthwiseconv2d",
        "averagepooling2d", "average_pooling2d", "avgpool", "avgpool2d", "maxpool1d", "maxpooling1d",
        "globalaveragepooling2d", "global_average_pooling2d", "globalmaxpooling2d", "global_max_pooling2d",
        "upsampling2d", "zeropadding2d", "spatialdropout2d", "gaussiannoise", "alphadropout", "lstm", "gru",
        "simplernn", "embedding", "reshape", "layernormalization", "layer_normalization", "prelu", "elu_layer",
    ]
    /// Keras activation names Folio does not implement yet.
    static let unsupportedActivations: Set<String> = [
        "elu", "selu", "gelu", "softplus", "softsign", "swish", "silu", "exponential", "hard_sigmoid",
        "relu6", "mish", "log_softmax", "hard_silu", "hard_swish",
    ]
    /// Keras initializer names Folio does not implement yet.
    static let unsupportedInitializers: Set<String> = [
        "random_normal", "random_uniform", "truncated_normal", "ones", "constant", "orthogonal", "identity",
        "lecun_normal", "lecun_uniform", "variance_scaling",
    ]

    static let layerList = "dense, conv2d, maxpool, flatten, dropout, batchnorm, and the activations "
        + ActivationName.allCases.map(\.rawValue).joined(separator: ", ")

    static func parse(_ cell: CellBody, diagnostics: inout DiagnosticCollector) -> BuildDirective? {
        let lines = cell.meaningfulLines
        guard !lines.isEmpty else {
            diagnostics.error(at: cell.fence, "build has no layers",
                              hint: "write one layer per line, e.g. `dense 128 relu input=784`")
            return nil
        }
        var layers: [Located<LayerLine>] = []
        var valid = true
        for (position, line) in lines.enumerated() {
            var reader = LayerLineReader(line: line, file: cell.fence.file, isFirst: position == 0)
            if let layer = reader.read(diagnostics: &diagnostics) { layers.append(layer) } else { valid = false }
        }
        return valid ? BuildDirective(layers: layers) : nil
    }
}
