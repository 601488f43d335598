/// What one `build` line said, piece by piece, before it becomes a `LayerKind`.
struct LayerValues {
    /// Units of a dense layer or filters of a conv2d layer.
    var count: Int?
    var kernel: Int?
    var activation: Located<ActivationName>?
    var pool: Int?
    var rate: Double?
    var slope: Double?
    var stride: Int?
    var padding: PaddingName?
    var initializer: InitializerName?
    var input: [Int]?

    /// A negative slope: any finite number ≥ 0.
    static let slopeBounds = NumberBounds(lower: 0, lowerIncluded: true, upper: nil, upperIncluded: false)

    /// The layer, with defaults filled in; nil when a required argument is missing.
    func kind(of family: LayerSyntax.Family) -> LayerKind? {
        let chosen = activation?.value ?? .linear
        switch family {
        case .dense:
            return count.map { .dense(units: $0, activation: chosen) }
        case .conv2d:
            guard let count, let kernel else { return nil }
            return .conv2d(filters: count, kernelSize: kernel, stride: stride ?? 1, padding: padding ?? .valid,
                           activation: chosen)
        case .maxPool:
            return pool.map { .maxPool(poolSize: $0, stride: stride) }
        case .flatten:
            return .flatten
        case .dropout:
            return rate.map { .dropout(rate: $0) }
        case .batchNormalization:
            return .batchNormalization
        case .activation(let name):
            return .activation(name, negativeSlope: name == .leakyRelu ? slope : nil)
        }
    }
}
